package org.opencets.core.identifier;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A name resolver for the test JVM (registered in META-INF/services) that counts every lookup and
 * then does what the JDK's own resolver does. {@link NoLookupTest} uses it to prove normalisation
 * never asks for one.
 */
public final class CountingResolverProvider extends InetAddressResolverProvider {
    static final AtomicInteger LOOKUPS = new AtomicInteger();

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy lookupPolicy) throws UnknownHostException {
                LOOKUPS.incrementAndGet();
                return builtin.lookupByName(host, lookupPolicy);
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                LOOKUPS.incrementAndGet();
                return builtin.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "opencets-test-counting-resolver";
    }
}

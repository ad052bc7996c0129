/**
 * CSV files with a header row, one record a row: card transactions from processors and acquirers
 * ({@link org.opencets.formats.csv.TransactionsCsvReader}) and arrest and booking records
 * ({@link org.opencets.formats.csv.ArrestsCsvReader}). Both share
 * {@link org.opencets.formats.csv.CsvRecordReader}: headers matched to canonical fields by common
 * spellings or a mapping file, the delimiter detected from the header line, dates and times in the
 * ways exports write them (a date column and a time column joined), amounts with thousands
 * separators and currency symbols, masked card numbers kept as BIN and last four.
 */
package org.opencets.formats.csv;

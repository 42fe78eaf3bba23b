package io.assay.metadata;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegSegmentMetadataReader;
import com.drew.imaging.tiff.TiffProcessingException;
import com.drew.imaging.tiff.TiffReader;
import com.drew.lang.RandomAccessReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifTiffHandler;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * metadata-extractor follows every SubIFD pointer of a TIFF structure, so a 38 KB file whose IFDs point at each
 * other thousands of times makes it build millions of directories (seconds of CPU, gigabytes of heap). These
 * wrappers give its EXIF/TIFF handler a directory budget; past it, parsing stops and what was read is kept.
 */
final class BoundedExif {

    /** Real files have a few dozen directories (IFD0, Exif, GPS, interop, thumbnails, maker notes). */
    static final int MAX_DIRECTORIES = 500;

    private BoundedExif() {
    }

    /** Thrown by the handler when the budget runs out; caught by {@link ContainerReader}. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("more than " + MAX_DIRECTORIES + " EXIF/TIFF directories (a structure that points at itself)",
                    null, false, false);
        }
    }

    /** Reads a whole TIFF file into {@code metadata}, as {@code TiffMetadataReader} does, within the budget. */
    static void readTiff(RandomAccessReader reader, Metadata metadata) throws IOException, TiffProcessingException {
        new TiffReader().processTiff(reader, new Handler(metadata, null, 0), 0);
    }

    /** metadata-extractor's JPEG segment readers with the EXIF one replaced by the bounded one. */
    static Iterable<JpegSegmentMetadataReader> jpegReaders() {
        List<JpegSegmentMetadataReader> readers = new ArrayList<>();
        for (JpegSegmentMetadataReader r : JpegMetadataReader.ALL_READERS) {
            readers.add(r.getClass() == ExifReader.class ? new Reader() : r);
        }
        return readers;
    }

    private static final class Handler extends ExifTiffHandler {
        private int directories;

        Handler(Metadata metadata, Directory parent, int exifStartOffset) {
            super(metadata, parent, exifStartOffset);
        }

        @Override
        protected void pushDirectory(Class<? extends Directory> type) {
            count();
            super.pushDirectory(type);
        }

        @Override
        protected void pushDirectory(Directory directory) {
            count();
            super.pushDirectory(directory);
        }

        private void count() {
            if (++directories > MAX_DIRECTORIES) {
                throw new BudgetExceeded();
            }
        }
    }

    /** ExifReader's JPEG path with the bounded handler; per segment, so one bad APP1 does not lose the others. */
    private static final class Reader extends ExifReader {
        @Override
        public void extract(RandomAccessReader reader, Metadata metadata, int readerOffset, Directory parent) {
            try {
                new TiffReader().processTiff(reader, new Handler(metadata, parent, readerOffset), readerOffset);
            } catch (TiffProcessingException | IOException | BudgetExceeded e) {
                metadata.addDirectory(errorDirectory(e));
            }
        }
    }

    private static Directory errorDirectory(Exception e) {
        com.drew.metadata.ErrorDirectory d = new com.drew.metadata.ErrorDirectory();
        d.addError("EXIF: " + Texts.bounded(e.getMessage(), 160));
        return d;
    }
}

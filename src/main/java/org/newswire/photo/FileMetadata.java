package org.newswire.photo;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;

/**
 * What an upload says of itself that the desk uses: how it is turned (EXIF orientation,
 * {@code 1} when it says nothing) and the caption and credit a photographer or agency
 * wrote into it, IPTC first, then XMP. Nothing else of it is kept: renditions are encoded
 * anew and carry none of it.
 */
record FileMetadata(int orientation, String caption, String credit) {

	static final FileMetadata NONE = new FileMetadata(1, null, null);

	/**
	 * Metadata that cannot be read is no reason to refuse a picture that can: the decoder
	 * judges the picture.
	 */
	static FileMetadata read(byte[] bytes) {
		try {
			Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
			return new FileMetadata(orientation(metadata), caption(metadata), credit(metadata));
		}
		catch (ImageProcessingException | IOException | RuntimeException ex) {
			return NONE;
		}
	}

	private static int orientation(Metadata metadata) {
		ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
		Integer orientation = (exif != null) ? exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION) : null;
		return (orientation != null && orientation >= 1 && orientation <= 8) ? orientation : 1;
	}

	private static String caption(Metadata metadata) {
		String iptc = iptc(metadata, IptcDirectory.TAG_CAPTION);
		return (iptc != null) ? iptc : xmp(metadata, XMPConst.NS_DC, "description");
	}

	private static String credit(Metadata metadata) {
		String credit = iptc(metadata, IptcDirectory.TAG_CREDIT);
		if (credit == null) {
			credit = xmp(metadata, XMPConst.NS_PHOTOSHOP, "Credit");
		}
		return (credit != null) ? credit : iptc(metadata, IptcDirectory.TAG_BY_LINE);
	}

	private static String iptc(Metadata metadata, int tag) {
		IptcDirectory iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
		return (iptc != null) ? text(iptc.getString(tag)) : null;
	}

	/**
	 * A simple or language-alternative XMP property; dc:description is the latter.
	 */
	private static String xmp(Metadata metadata, String namespace, String property) {
		XmpDirectory directory = metadata.getFirstDirectoryOfType(XmpDirectory.class);
		XMPMeta xmp = (directory != null) ? directory.getXMPMeta() : null;
		if (xmp == null) {
			return null;
		}
		try {
			if (xmp.doesPropertyExist(namespace, property + "[1]")) {
				return text(xmp.getLocalizedText(namespace, property, null, XMPConst.X_DEFAULT).getValue());
			}
			return text(xmp.getPropertyString(namespace, property));
		}
		catch (XMPException | RuntimeException ex) {
			return null;
		}
	}

	private static String text(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}

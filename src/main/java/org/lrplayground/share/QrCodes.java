package org.lrplayground.share;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/** QR codes of links, as PNG images for the share dialog. */
public final class QrCodes {

    /** Pixels per module: sharp on screen and in print without scaling artefacts. */
    public static final int MODULE_PIXELS = 8;
    /** The quiet zone that the QR standard asks for, in modules. */
    private static final int QUIET_ZONE = 4;

    private QrCodes() {
    }

    /**
     * A black-on-white PNG of {@code link}'s QR code (error correction M, which survives a smudge or a
     * phone held at an angle).
     *
     * @throws IllegalArgumentException when the link is empty or too long for a QR code
     */
    public static byte[] png(String link) {
        BitMatrix modules = encode(link);
        int size = modules.getWidth() * MODULE_PIXELS;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, modules.get(x / MODULE_PIXELS, y / MODULE_PIXELS) ? 0x000000 : 0xffffff);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        }
        return out.toByteArray();
    }

    private static BitMatrix encode(String link) {
        if (link == null || link.isEmpty()) {
            throw new IllegalArgumentException("a QR code needs a link");
        }
        try {
            // Size 0 asks for the smallest matrix: one pixel per module, scaled up by png().
            return new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, QUIET_ZONE,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the link is " + link.length()
                    + " characters long, too long for a QR code (use the short link)", e);
        }
    }
}

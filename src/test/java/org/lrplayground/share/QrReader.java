package org.lrplayground.share;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Reads QR codes back, as a phone would: the only proof that an image holds the link. */
public final class QrReader {

    private QrReader() {
    }

    /** The text of the QR code in a PNG (or any image ImageIO reads). */
    public static String read(byte[] image) throws IOException, NotFoundException, ChecksumException, FormatException {
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(image));
        if (picture == null) {
            throw new IOException("not an image ImageIO can read (" + image.length + " bytes)");
        }
        int[] pixels = picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(picture.getWidth(), picture.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}

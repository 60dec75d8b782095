package org.lrplayground.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A QR code is only right if a reader gets the link back from the PNG. */
class QrCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://playground.example/s/Ab3dE6gH9k",
            "http://localhost:8080/?v=1&surface=custom&f=x%5E2%2B3*y%5E2&start=-1.5,2&steps=500&box=-2,2,-1,3"
                    + "&noise=0&seed=0&batch=1&run=adam:lr=0.05,beta1=0.9,beta2=0.999,eps=1e-8,sched=cosine,T_max=500"
                    + "&play=1&hide=chart"})
    void thePngDecodesToTheLink(String link) throws Exception {
        byte[] png = QrCodes.png(link);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isEqualTo(QrCodes.MODULE_PIXELS * (image.getWidth() / QrCodes.MODULE_PIXELS));
        assertThat(QrReader.read(png)).isEqualTo(link);
    }

    @Test
    void aLinkTooLongForAQrCodeSaysSo() {
        assertThatThrownBy(() -> QrCodes.png("x".repeat(5000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too long for a QR code");
    }
}

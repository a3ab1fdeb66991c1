import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Draws pictures for bench.sh's uploads: java docs/bench/Jpegs.java DIR COUNT WIDTH HEIGHT.
 * Each is different (a picture uploaded twice is stored once, by its hash) and drawn here,
 * so nothing copied is uploaded.
 */
public class Jpegs {

	public static void main(String[] args) throws Exception {
		File dir = new File(args[0]);
		int count = Integer.parseInt(args[1]);
		int width = Integer.parseInt(args[2]);
		int height = Integer.parseInt(args[3]);
		for (int n = 0; n < count; n++) {
			Random random = new Random(n);
			BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = picture.createGraphics();
			g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xffffff)), width, height,
					new Color(random.nextInt(0xffffff))));
			g.fillRect(0, 0, width, height);
			for (int i = 0; i < 200; i++) {
				g.setColor(new Color(random.nextInt(0xffffff)));
				g.fillOval(random.nextInt(width), random.nextInt(height), 50 + random.nextInt(width / 4),
						50 + random.nextInt(height / 4));
			}
			g.dispose();
			ImageIO.write(picture, "jpg", new File(dir, "upload-" + n + ".jpg"));
		}
	}

}

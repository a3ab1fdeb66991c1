package org.newswire.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.newswire.photo.PhotoLibrary;

/**
 * The demo's photos, drawn here with Java2D rather than copied from anywhere: a harbour
 * at dusk, a city skyline and hills under a storm, each with the caption, credit and alt
 * text an editor would give it. Three are enough for the demo, and for a generated
 * archive: stories share them.
 */
public final class DemoPictures {

	private static final int WIDTH = 1280;

	private static final int HEIGHT = 720;

	private DemoPictures() {
	}

	/**
	 * The pictures as uploads, drawn anew at each call.
	 */
	public static List<PhotoLibrary.Upload> uploads() {
		return List.of(
				upload("harbour.jpg", harbour(), "The harbour at dusk, drawn for the Newswire demo.",
						"A dark ferry crosses a blue harbour under an orange evening sky."),
				upload("skyline.jpg", skyline(), "The city centre, drawn for the Newswire demo.",
						"Grey and blue office towers with lit windows against a pale morning sky."),
				upload("hills.jpg", hills(), "Storm clouds over the hills, drawn for the Newswire demo.",
						"Green rolling hills under heavy grey clouds, a thin road winding between them."));
	}

	private static PhotoLibrary.Upload upload(String fileName, BufferedImage picture, String caption, String alt) {
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		try {
			ImageIO.write(picture, "jpeg", jpeg);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new PhotoLibrary.Upload(jpeg.toByteArray(), fileName, caption, "Newswire demo", alt);
	}

	private static BufferedImage harbour() {
		BufferedImage picture = canvas(new Color(0x1f3b73), new Color(0xf4a261), 0.55);
		Graphics2D g = graphics(picture);
		g.setPaint(new GradientPaint(0, HEIGHT * 0.55f, new Color(0x2a6f97), 0, HEIGHT, new Color(0x013a63)));
		g.fillRect(0, (int) (HEIGHT * 0.55), WIDTH, HEIGHT);
		g.setColor(new Color(0xfefae0));
		g.fillOval(900, 250, 90, 90);
		g.setColor(new Color(0x222222));
		g.fillRect(380, 360, 460, 60);
		g.fillRect(470, 320, 240, 45);
		g.fillRect(560, 280, 40, 45);
		g.dispose();
		return picture;
	}

	private static BufferedImage skyline() {
		BufferedImage picture = canvas(new Color(0xcfe8ff), new Color(0xf8f9fa), 1.0);
		Graphics2D g = graphics(picture);
		Random random = new Random(7);
		for (int x = 0; x < WIDTH; x += 90) {
			int top = 180 + random.nextInt(300);
			g.setColor(new Color(90 + random.nextInt(60), 100 + random.nextInt(60), 130 + random.nextInt(60)));
			g.fillRect(x, top, 80, HEIGHT - top);
			g.setColor(new Color(0xffe8a3));
			for (int y = top + 20; y < HEIGHT - 30; y += 40) {
				for (int wx = x + 12; wx < x + 70; wx += 22) {
					if (random.nextInt(3) > 0) {
						g.fillRect(wx, y, 10, 16);
					}
				}
			}
		}
		g.dispose();
		return picture;
	}

	private static BufferedImage hills() {
		BufferedImage picture = canvas(new Color(0x495057), new Color(0xadb5bd), 0.6);
		Graphics2D g = graphics(picture);
		g.setColor(new Color(0x6a994e));
		g.fillOval(-200, 380, 900, 600);
		g.setColor(new Color(0x386641));
		g.fillOval(500, 420, 1000, 600);
		g.setColor(new Color(0xe9ecef));
		g.setStroke(new BasicStroke(8));
		g.drawArc(300, 500, 600, 400, 20, 140);
		g.dispose();
		return picture;
	}

	private static BufferedImage canvas(Color top, Color bottom, double skyShare) {
		BufferedImage picture = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = graphics(picture);
		g.setPaint(new GradientPaint(0, 0, top, 0, (float) (HEIGHT * skyShare), bottom));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		g.dispose();
		return picture;
	}

	private static Graphics2D graphics(BufferedImage picture) {
		Graphics2D g = picture.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		return g;
	}

}

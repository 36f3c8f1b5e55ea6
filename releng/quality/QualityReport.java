import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;

/**
 * Turns a run's quality events into docs: an FD curve and a coverage bar chart (PNG), the last sample
 * grid, and a Markdown page with the numbers. Run as a single source file by releng/quality-check.sh:
 * java -cp MODEL_JAR QualityReport.java RUN_DIR OUT_DIR PAGE.md TRAIN_SECONDS
 */
public class QualityReport {

	public static void main(String[] args) throws IOException {
		RunDirectory run = new RunDirectory(Path.of(args[0]));
		Path images = Path.of(args[1]);
		Path page = Path.of(args[2]);
		Files.createDirectories(images);
		List<RunEvent> quality = new ArrayList<>();
		RunEvent lastSample = null;
		List<RunEvent> metrics = new ArrayList<>();
		for (RunEvent e : run.readEvents()) {
			switch (e.type()) {
			case RunEvent.QUALITY -> quality.add(e);
			case RunEvent.SAMPLE -> {
				if (e.number("truncation") == 0) {
					lastSample = e;
				}
			}
			case RunEvent.METRICS -> metrics.add(e);
			default -> {
			}
			}
		}
		if (quality.isEmpty()) {
			throw new IOException("no quality events in " + run.events());
		}
		fdChart(quality, images.resolve("quality-fd.png"));
		RunEvent last = quality.get(quality.size() - 1);
		coverageChart(last, images.resolve("quality-coverage.png"));
		if (lastSample != null) {
			Files.copy(run.root().resolve(lastSample.text("file")), images.resolve("quality-samples.png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		StringBuilder md = new StringBuilder();
		md.append("<!-- written by releng/quality-check.sh; do not edit -->\n");
		md.append("# Quality run: DCGAN on Fashion-MNIST\n\n");
		Map<String, Object> features = last.object("features");
		md.append(String.format(Locale.ROOT,
				"Feature network: %s, fingerprint `%s`, test accuracy %.2f%%. %d generated against %d real images per evaluation.%n%n",
				features.get("kind"), features.get("fingerprint"), 100 * Json.number(features.get("test_accuracy"), Double.NaN),
				(long) last.number("samples"), (long) last.number("reference")));
		md.append("| step | FD | KID (± se) | precision | recall | k-NN coverage | dropped classes | evaluation s |\n");
		md.append("|---:|---:|---:|---:|---:|---:|---|---:|\n");
		RunEvent best = quality.get(0);
		for (RunEvent q : quality) {
			if (q.number("fd") < best.number("fd")) {
				best = q;
			}
		}
		for (RunEvent q : quality) {
			List<Object> dropped = q.object("coverage").get("dropped") instanceof List<?> l ? new ArrayList<>(l) : List.of();
			md.append(String.format(Locale.ROOT, "| %d%s | %.2f | %.4f ± %.4f | %.3f | %.3f | %.3f | %s | %.1f |%n",
					q.step(), q == best ? " (best)" : "", q.number("fd"), q.number("kid"), q.number("kid_se"),
					q.number("precision"), q.number("recall"), q.number("knn_coverage"), dropped.isEmpty() ? "none" : String.join(", ", dropped.stream().map(String::valueOf).toList()),
					q.number("seconds")));
		}
		md.append("\n![FD over training](images/quality-fd.png)\n\n");
		md.append("Class coverage at step " + last.step() + " (generated vs real, by the feature classifier):\n\n");
		md.append("![coverage](images/quality-coverage.png)\n\n");
		if (lastSample != null) {
			md.append("Samples of the EMA generator at step " + lastSample.step() + ":\n\n![samples](images/quality-samples.png)\n\n");
		}
		md.append(cost(quality, metrics, args.length > 3 ? Double.parseDouble(args[3]) : Double.NaN));
		Files.writeString(page, md.toString());
	}

	/** Evaluation seconds against the training seconds between evaluations, at this run's and the default interval. */
	private static String cost(List<RunEvent> quality, List<RunEvent> metrics, double trainSeconds) {
		if (metrics.size() < 2) {
			return "";
		}
		RunEvent first = metrics.get(0);
		RunEvent lastMetrics = metrics.get(metrics.size() - 1);
		double secondsPerStep = (lastMetrics.number("time") - first.number("time")) / 1000
				/ Math.max(1, lastMetrics.step() - first.step());
		double evaluation = 0;
		for (RunEvent q : quality) {
			evaluation += q.number("seconds");
		}
		evaluation /= quality.size();
		long interval = quality.size() > 1 ? quality.get(1).step() - quality.get(0).step() : lastMetrics.step();
		return String.format(Locale.ROOT, """
				## Cost

				Training: %.3f s per step (wall clock, with evaluations running beside it). One evaluation: %.1f s
				(generation, features, metrics; on its own thread). Evaluation time over training time: %.1f%% at this
				run's interval of %d steps, %.1f%% at the default interval of 1000 steps.
				""", secondsPerStep, evaluation, 100 * evaluation / (interval * secondsPerStep), interval,
				100 * evaluation / (1000 * secondsPerStep));
	}

	private static void fdChart(List<RunEvent> quality, Path file) throws IOException {
		int w = 640;
		int h = 360;
		int left = 60;
		int right = 20;
		int top = 30;
		int bottom = 40;
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = canvas(image);
		double maxFd = 0;
		long maxStep = 1;
		RunEvent best = quality.get(0);
		for (RunEvent q : quality) {
			maxFd = Math.max(maxFd, q.number("fd"));
			maxStep = Math.max(maxStep, q.step());
			if (q.number("fd") < best.number("fd")) {
				best = q;
			}
		}
		g.setColor(Color.GRAY);
		g.drawLine(left, h - bottom, w - right, h - bottom);
		g.drawLine(left, top, left, h - bottom);
		g.setColor(Color.BLACK);
		g.drawString("FD (feature network) over training steps", left, 18);
		g.drawString("0", left - 15, h - bottom + 4);
		g.drawString(String.format(Locale.ROOT, "%.0f", maxFd), 8, top + 4);
		g.drawString("step " + maxStep, w - right - 70, h - bottom + 25);
		g.setColor(new Color(0, 90, 200));
		g.setStroke(new BasicStroke(2));
		int px = -1;
		int py = -1;
		for (RunEvent q : quality) {
			int x = left + (int) ((w - left - right) * q.step() / (double) maxStep);
			int y = h - bottom - (int) ((h - top - bottom) * q.number("fd") / maxFd);
			if (px >= 0) {
				g.drawLine(px, py, x, y);
			}
			g.fillOval(x - 3, y - 3, 7, 7);
			px = x;
			py = y;
		}
		int bx = left + (int) ((w - left - right) * best.step() / (double) maxStep);
		int by = h - bottom - (int) ((h - top - bottom) * best.number("fd") / maxFd);
		g.setColor(new Color(200, 0, 0));
		g.drawOval(bx - 7, by - 7, 14, 14);
		g.drawString(String.format(Locale.ROOT, "best: %.1f at step %d", best.number("fd"), best.step()), Math.min(bx, w - 170),
				by - 12);
		ImageIO.write(image, "png", file.toFile());
	}

	@SuppressWarnings("unchecked")
	private static void coverageChart(RunEvent q, Path file) throws IOException {
		Map<String, Object> coverage = q.object("coverage");
		List<Object> classes = (List<Object>) coverage.getOrDefault("classes", List.of());
		List<Object> generated = (List<Object>) coverage.getOrDefault("generated", List.of());
		List<Object> real = (List<Object>) coverage.getOrDefault("real", List.of());
		int rowHeight = 24;
		int w = 640;
		int h = 50 + rowHeight * classes.size();
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = canvas(image);
		double max = 1;
		for (int i = 0; i < classes.size(); i++) {
			max = Math.max(max, Math.max(Json.number(generated.get(i), 0), Json.number(real.get(i), 0)));
		}
		g.setColor(Color.BLACK);
		g.drawString("Predicted classes at step " + q.step() + ": generated (blue) vs real (grey)", 10, 18);
		int left = 110;
		for (int i = 0; i < classes.size(); i++) {
			int y = 34 + i * rowHeight;
			g.setColor(Color.BLACK);
			g.drawString(String.valueOf(classes.get(i)), 10, y + 14);
			int realWidth = (int) ((w - left - 70) * Json.number(real.get(i), 0) / max);
			int fakeWidth = (int) ((w - left - 70) * Json.number(generated.get(i), 0) / max);
			g.setColor(new Color(180, 180, 180));
			g.fillRect(left, y + 11, realWidth, 8);
			g.setColor(new Color(0, 90, 200));
			g.fillRect(left, y + 2, fakeWidth, 9);
			g.setColor(Color.BLACK);
			g.drawString(String.valueOf((long) Json.number(generated.get(i), 0)), left + Math.max(fakeWidth, realWidth) + 5,
					y + 14);
		}
		ImageIO.write(image, "png", file.toFile());
	}

	private static Graphics2D canvas(BufferedImage image) {
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		return g;
	}
}

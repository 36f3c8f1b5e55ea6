package org.ganworkbench.model;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ganworkbench.model.syntax.ProblemSink;
import org.ganworkbench.model.syntax.Problem;

/**
 * A model file's bytes as text. The format is UTF-8: a byte order mark is dropped (so it shifts no
 * offset or column), each malformed sequence becomes one U+FFFD (as an editor decoding the file shows
 * it, so offsets agree) and is reported where it is, consecutive ones as one problem. A file that
 * looks binary (a known file signature, a NUL byte) is one problem and is not parsed. Never throws.
 */
public final class ModelSource {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
	/** Bytes a binary file starts with, and what it then is. */
	private static final List<Signature> SIGNATURES = List.of(
			new Signature("a PNG image", 0x89, 'P', 'N', 'G'),
			new Signature("a JPEG image", 0xFF, 0xD8, 0xFF),
			new Signature("a GIF image", 'G', 'I', 'F', '8'),
			new Signature("a ZIP archive (or a jar)", 'P', 'K', 0x03, 0x04),
			new Signature("a ZIP archive (or a jar)", 'P', 'K', 0x05, 0x06),
			new Signature("a gzip file", 0x1F, 0x8B),
			new Signature("a PDF document", '%', 'P', 'D', 'F'),
			new Signature("a Java class file", 0xCA, 0xFE, 0xBA, 0xBE),
			new Signature("an executable (ELF)", 0x7F, 'E', 'L', 'F'),
			new Signature("UTF-16 text", 0xFF, 0xFE),
			new Signature("UTF-16 text", 0xFE, 0xFF));
	/** Bytes a problem about malformed UTF-8 lists; a longer run says how many more. */
	private static final int BYTES_SHOWN = 4;

	private final String text;
	/** The first problems, at most one more than a document shows: later ones could never be shown. */
	private final List<Issue> issues;
	/** Problems after those, only counted. */
	private final long unlisted;
	private final boolean binary;

	private ModelSource(String text, Issues issues, boolean binary) {
		this.text = text;
		this.issues = List.copyOf(issues.listed);
		this.unlisted = issues.unlisted;
		this.binary = binary;
	}

	public static ModelSource decode(byte[] bytes) {
		for (Signature signature : SIGNATURES) {
			if (signature.matches(bytes)) {
				return new ModelSource("", Issues.of(new Issue(0, 0, signature.message())), true);
			}
		}
		int start = startsWith(bytes, BOM) ? BOM.length : 0;
		int nul = indexOfNul(bytes, start);
		if (nul >= 0) {
			// only the text before it is decoded: enough to place the problem, and quick for a large binary file
			String text = utf8(ByteBuffer.wrap(bytes, start, nul - start), new Issues()) + '\0';
			String message = "this file looks binary (it holds a NUL byte), not like a model file: a .gan file is UTF-8 text";
			return new ModelSource(text, Issues.of(new Issue(text.length() - 1, 1, message)), true);
		}
		// Valid UTF-8 (almost every file) decodes one way only: the String constructor does it several
		// times faster than a decoder and without a char[] as large as the file. A U+FFFD in the result
		// means malformed bytes (or a real U+FFFD): then the decoder finds and reports them.
		String quick = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
		if (quick.indexOf('\uFFFD') < 0) {
			return new ModelSource(quick, new Issues(), false);
		}
		Issues issues = new Issues();
		String text = utf8(ByteBuffer.wrap(bytes, start, bytes.length - start), issues);
		return new ModelSource(text, issues, false);
	}

	/** Decodes like a REPLACE decoder, one U+FFFD per malformed sequence, and reports each run of them. */
	private static String utf8(ByteBuffer in, Issues issues) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		CharBuffer out = CharBuffer.allocate(in.remaining() + 1); // UTF-8 never yields more chars than bytes
		BadRun run = null;
		CoderResult result;
		while ((result = decoder.decode(in, out, true)).isError()) {
			if (run == null || run.end != out.position()) {
				if (run != null) {
					issues.add(run.issue());
				}
				run = new BadRun(out.position());
			}
			for (int i = 0; i < result.length(); i++) {
				run.add(in.get());
			}
			out.put('\uFFFD');
			run.end = out.position();
		}
		if (run != null) {
			issues.add(run.issue());
		}
		decoder.flush(out);
		out.flip();
		return out.toString();
	}

	/**
	 * The text the format reads: the file without its byte order mark. For a binary file, the text up
	 * to its first NUL byte (included), or nothing when a file signature said what it is.
	 */
	public String text() {
		return text;
	}

	/** Whether the file is not text (then its one problem says why, and it is not parsed). */
	public boolean isBinary() {
		return binary;
	}

	/** What is wrong with the bytes, located in {@link #text()}; empty for a clean UTF-8 file. */
	public List<Problem> problems() {
		ProblemSink sink = new ProblemSink(text, true);
		reportTo(sink);
		return sink.problems();
	}

	void reportTo(ProblemSink sink) {
		for (Issue issue : issues) {
			sink.error(issue.offset(), issue.length(), issue.message());
		}
		sink.countUnshownErrors(unlisted);
	}

	private static int indexOfNul(byte[] bytes, int from) {
		for (int i = from; i < bytes.length; i++) {
			if (bytes[i] == 0) {
				return i;
			}
		}
		return -1;
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

	private record Issue(int offset, int length, String message) {
	}

	/** Keeps the first issues (in file order, as they are found) and counts the rest. */
	private static final class Issues {
		private final List<Issue> listed = new ArrayList<>();
		private long unlisted;

		static Issues of(Issue issue) {
			Issues issues = new Issues();
			issues.add(issue);
			return issues;
		}

		void add(Issue issue) {
			if (listed.size() <= ModelDocument.MAX_PROBLEMS) {
				listed.add(issue);
			} else {
				unlisted++;
			}
		}
	}

	/** Consecutive malformed sequences: where their U+FFFDs are and the bytes they replace. */
	private static final class BadRun {
		private final int start;
		private final StringBuilder shown = new StringBuilder();
		private int bytes;
		private int end;

		BadRun(int start) {
			this.start = start;
			this.end = start;
		}

		void add(byte b) {
			if (bytes++ < BYTES_SHOWN) {
				shown.append(shown.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", b & 0xFF));
			}
		}

		Issue issue() {
			String what = bytes == 1 ? "byte " + shown + " is"
					: bytes <= BYTES_SHOWN ? "bytes " + shown + " are"
							: String.format(Locale.ROOT, "bytes %s ... (%,d bytes) are", shown, bytes);
			return new Issue(start, end - start, what + " not UTF-8; save the file as UTF-8");
		}
	}

	private record Signature(String what, int... bytes) {

		String message() {
			return what.startsWith("UTF-16") ? "this file is UTF-16 text: save it as UTF-8"
					: "this file is " + what + ", not a model file: a .gan file is UTF-8 text";
		}

		boolean matches(byte[] file) {
			if (file.length < bytes.length) {
				return false;
			}
			for (int i = 0; i < bytes.length; i++) {
				if ((file[i] & 0xFF) != bytes[i]) {
					return false;
				}
			}
			return true;
		}
	}
}

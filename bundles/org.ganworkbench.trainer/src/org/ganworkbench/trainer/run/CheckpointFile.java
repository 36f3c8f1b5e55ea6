package org.ganworkbench.trainer.run;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.json.Json.JsonException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The checkpoint file format (docs/run-format.md): a ZIP archive with "checkpoint.json" (format,
 * step, state, tensor index) and one entry "tensors/NAME" per tensor, little-endian values in C order.
 * ZIP gives every entry a CRC, so a damaged file is detected when read.
 */
public final class CheckpointFile {

	public static final int FORMAT = 1;
	private static final String INDEX = "checkpoint.json";
	private static final String TENSORS = "tensors/";

	private CheckpointFile() {
	}

	/** Writes atomically: a reader sees the previous checkpoints or this whole one, never a part. */
	public static void write(Path target, Checkpoint checkpoint) throws IOException {
		AtomicFiles.write(target, out -> writeTo(out, checkpoint));
	}

	private static void writeTo(OutputStream out, Checkpoint checkpoint) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(out);
		// Float data hardly compresses; storing it fast keeps checkpoints off the step's critical path.
		zip.setLevel(Deflater.BEST_SPEED);
		List<Object> index = new ArrayList<>();
		for (Map.Entry<String, INDArray> e : checkpoint.tensors().entrySet()) {
			INDArray array = e.getValue();
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", e.getKey());
			entry.put("shape", java.util.Arrays.stream(array.shape()).boxed().toList());
			entry.put("dtype", array.dataType() == DataType.DOUBLE ? "float64" : "float32");
			index.add(entry);
		}
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("format", FORMAT);
		header.put("step", checkpoint.step());
		header.put("state", checkpoint.state());
		header.put("tensors", index);
		zip.putNextEntry(new ZipEntry(INDEX));
		zip.write(Json.write(header).getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
		for (Map.Entry<String, INDArray> e : checkpoint.tensors().entrySet()) {
			zip.putNextEntry(new ZipEntry(TENSORS + e.getKey()));
			zip.write(toBytes(e.getValue()));
			zip.closeEntry();
		}
		zip.finish();
	}

	private static byte[] toBytes(INDArray array) throws IOException {
		INDArray c = array.dup('c');
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream data = new DataOutputStream(bytes);
		if (c.dataType() == DataType.DOUBLE) {
			ByteBuffer buffer = ByteBuffer.allocate((int) c.length() * 8).order(ByteOrder.LITTLE_ENDIAN);
			buffer.asDoubleBuffer().put(c.data().asDouble());
			data.write(buffer.array());
		} else {
			ByteBuffer buffer = ByteBuffer.allocate((int) c.length() * 4).order(ByteOrder.LITTLE_ENDIAN);
			buffer.asFloatBuffer().put(c.castTo(DataType.FLOAT).data().asFloat());
			data.write(buffer.array());
		}
		return bytes.toByteArray();
	}

	/** Reads a whole checkpoint; an incomplete or damaged file is an {@link IOException} naming it. */
	@SuppressWarnings("unchecked")
	public static Checkpoint read(Path file) throws IOException {
		Map<String, byte[]> entries = new HashMap<>();
		try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				entries.put(entry.getName(), zip.readAllBytes());
			}
		} catch (IOException e) {
			throw new IOException(file + ": damaged checkpoint (" + e.getMessage() + ")", e);
		}
		byte[] indexBytes = entries.get(INDEX);
		if (indexBytes == null) {
			throw new IOException(file + ": not a checkpoint (no " + INDEX + ")");
		}
		Map<String, Object> header;
		try {
			header = Json.parseObject(new String(indexBytes, StandardCharsets.UTF_8));
		} catch (JsonException e) {
			throw new IOException(file + ": damaged " + INDEX + ": " + e.getMessage(), e);
		}
		if (Json.number(header.get("format"), -1) != FORMAT) {
			throw new IOException(file + ": unsupported checkpoint format " + header.get("format"));
		}
		Map<String, INDArray> tensors = new LinkedHashMap<>();
		for (Object o : (List<Object>) header.get("tensors")) {
			Map<String, Object> info = (Map<String, Object>) o;
			String name = (String) info.get("name");
			byte[] bytes = entries.get(TENSORS + name);
			if (bytes == null) {
				throw new IOException(file + ": tensor '" + name + "' is missing");
			}
			tensors.put(name, fromBytes(file, name, info, bytes));
		}
		long step = (long) Json.number(header.get("step"), 0);
		Map<String, Object> state = (Map<String, Object>) header.getOrDefault("state", Map.of());
		return new Checkpoint(step, state, tensors);
	}

	@SuppressWarnings("unchecked")
	private static INDArray fromBytes(Path file, String name, Map<String, Object> info, byte[] bytes)
			throws IOException {
		List<Object> dims = (List<Object>) info.get("shape");
		long[] shape = new long[dims.size()];
		long length = 1;
		for (int i = 0; i < shape.length; i++) {
			shape[i] = (long) Json.number(dims.get(i), 0);
			length *= shape[i];
		}
		boolean isDouble = "float64".equals(info.get("dtype"));
		if (bytes.length != length * (isDouble ? 8 : 4)) {
			throw new IOException(file + ": tensor '" + name + "' has " + bytes.length + " bytes, expected "
					+ length * (isDouble ? 8 : 4));
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		if (isDouble) {
			double[] values = new double[(int) length];
			buffer.asDoubleBuffer().get(values);
			return Nd4j.create(values, shape, 'c');
		}
		float[] values = new float[(int) length];
		buffer.asFloatBuffer().get(values);
		return Nd4j.create(values, shape, 'c');
	}
}

package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.json.Json.JsonException;
import org.junit.jupiter.api.Test;

/** The reader's own number parsing must read every number exactly as the JDK's parser does. */
class JsonTest {

	@Test
	void numbersReadExactlyAsTheJdkReadsThem() throws Exception {
		Random random = new Random(42);
		for (int i = 0; i < 200_000; i++) {
			String text = switch (i % 6) {
			case 0 -> Float.toString(random.nextFloat() * (float) Math.pow(10, random.nextInt(20) - 10));
			case 1 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
			case 2 -> Long.toString(random.nextLong() >> random.nextInt(64));
			case 3 -> String.format(Locale.ROOT, "%." + random.nextInt(16) + "f", random.nextGaussian() * 1000);
			case 4 -> random.nextInt(1_000_000) + "e" + (random.nextInt(60) - 30);
			default -> "-0.000" + random.nextInt(1000) + "E+" + random.nextInt(25);
			};
			double expected = Double.parseDouble(text);
			double read = ((Number) Json.parse(text)).doubleValue();
			assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(read), text);
		}
	}

	@Test
	void aSixtyFourBitSeedReadsBackExactly() throws Exception {
		for (long seed : new long[] { 1234567890123456789L, Long.MIN_VALUE, Long.MAX_VALUE, -(1L << 53) - 1 }) {
			Object read = Json.parseObject(Json.write(Map.of("seed", seed))).get("seed");
			assertEquals(seed, ((Number) read).longValue(), Long.toString(seed));
		}
		// small integers stay doubles, as every reader of the event log expects
		assertEquals(Double.valueOf(42), Json.parse("42"));
		assertEquals(Double.valueOf(9007199254740992.0), Json.parse("9007199254740992"));
	}

	@Test
	void floatsAreWrittenShortAndReadBackAsTheSameFloat() throws Exception {
		String text = Json.write(Map.of("loss", 1.3497499227523804f));
		// 1.34975 from Java 19 on, 1.3497499 before: either way not the 17 digits of the double
		assertTrue(text.length() <= "{\"loss\":1.3497499}".length(), text);
		double read = (Double) Json.parseObject(text).get("loss");
		assertEquals(1.3497499227523804f, (float) read);
		assertEquals("[2,1.0E-7,3.4028235E38]", Json.write(List.of(2f, 1e-7f, Float.MAX_VALUE)));
	}

	@Test
	void malformedNumbersAreErrorsWithTheirPlace() {
		Map<String, Integer> places = Map.of("[1,-]", 3, "[1e]", 1, "[7,1.2.3]", 3, "[--1]", 1);
		places.forEach((text, offset) -> {
			JsonException e = assertThrows(JsonException.class, () -> Json.parse(text), text);
			assertEquals(offset, e.offset(), text);
		});
	}
}

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
			double read = (Double) Json.parse(text);
			assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(read), text);
		}
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

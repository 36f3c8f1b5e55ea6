import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads `jdeps -verbose:package` output on standard input and prints every package cycle among
 * org.ganworkbench packages (strongly connected components of more than one package, Tarjan's
 * algorithm), with the edges that close it. Exit 1 when there is one. Run by releng/check-cycles.sh.
 */
public class PackageCycles {

	private final Map<String, TreeSet<String>> edges = new TreeMap<>();
	private final Map<String, Integer> index = new HashMap<>();
	private final Map<String, Integer> low = new HashMap<>();
	private final Deque<String> stack = new ArrayDeque<>();
	private final List<List<String>> cycles = new ArrayList<>();

	public static void main(String[] args) throws Exception {
		PackageCycles graph = new PackageCycles();
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
		for (String line; (line = in.readLine()) != null;) {
			String[] f = line.trim().split("\\s+");
			if (f.length >= 3 && f[1].equals("->") && f[0].startsWith("org.ganworkbench") && f[2].startsWith("org.ganworkbench")
					&& !f[0].equals(f[2])) {
				graph.edges.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[2]);
				graph.edges.computeIfAbsent(f[2], k -> new TreeSet<>());
			}
		}
		for (String node : graph.edges.keySet()) {
			if (!graph.index.containsKey(node)) {
				graph.connect(node);
			}
		}
		for (List<String> cycle : graph.cycles) {
			System.out.println("package cycle: " + String.join(", ", cycle));
			for (String from : cycle) {
				for (String to : graph.edges.get(from)) {
					if (cycle.contains(to)) {
						System.out.println("    " + from + " -> " + to);
					}
				}
			}
		}
		System.out.println(graph.edges.size() + " packages, " + graph.cycles.size() + " cycles");
		System.exit(graph.cycles.isEmpty() ? 0 : 1);
	}

	private void connect(String node) {
		index.put(node, index.size());
		low.put(node, index.get(node));
		stack.push(node);
		for (String next : edges.get(node)) {
			if (!index.containsKey(next)) {
				connect(next);
				low.put(node, Math.min(low.get(node), low.get(next)));
			} else if (stack.contains(next)) {
				low.put(node, Math.min(low.get(node), index.get(next)));
			}
		}
		if (low.get(node).equals(index.get(node))) {
			List<String> component = new ArrayList<>();
			String member;
			do {
				member = stack.pop();
				component.add(member);
			} while (!member.equals(node));
			if (component.size() > 1) {
				component.sort(null);
				cycles.add(component);
			}
		}
	}
}

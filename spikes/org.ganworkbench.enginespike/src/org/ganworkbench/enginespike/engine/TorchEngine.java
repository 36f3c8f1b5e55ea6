package org.ganworkbench.enginespike.engine;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.LongArrayRef;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * The engine on libtorch (PyTorch's C++ library) through bytedeco's JavaCPP presets. Autograd is
 * libtorch's own: every operation on a tensor that needs gradients is recorded, and
 * {@link #gradients} with createGraph differentiates gradients again.
 */
public final class TorchEngine implements Engine<Tensor> {

	private static final long[] ONE = { 1, 1 };
	private static final long[] NONE = { 0, 0 };

	public TorchEngine(int threads, long seed) {
		torch.set_num_threads(threads);
		torch.manual_seed(seed);
	}

	@Override
	public String name() {
		return "libtorch " + torch.get_num_threads() + " threads";
	}

	@Override
	public Tensor parameter(double std, double value, long... shape) {
		Tensor t;
		try (NoGradGuard off = new NoGradGuard()) {
			t = std > 0 ? torch.randn(shape).mul_(new Scalar(std)) : torch.zeros(shape).add_(new Scalar(value));
		}
		return t.set_requires_grad(true);
	}

	@Override
	public Tensor tensor(float[] values, long... shape) {
		try (FloatPointer data = new FloatPointer(values)) {
			return torch.from_blob(data, shape).clone(); // from_blob only borrows the Java-side copy
		}
	}

	@Override
	public Tensor normal(long... shape) {
		return torch.randn(shape);
	}

	@Override
	public float[] values(Tensor x) {
		Tensor flat = x.detach().contiguous();
		float[] out = new float[(int) flat.numel()];
		new FloatPointer(flat.data_ptr()).get(out);
		return out;
	}

	@Override
	public long[] shape(Tensor x) {
		return shapeOf(x);
	}

	/** A tensor's sizes; static for callers without an engine (a debugger's detail formatter). */
	public static long[] shapeOf(Tensor x) {
		long[] shape = new long[(int) x.dim()];
		for (int i = 0; i < shape.length; i++) {
			shape[i] = x.sizes().at(i);
		}
		return shape;
	}

	@Override
	public Tensor conv2d(Tensor x, Tensor w, Tensor bias, int stride, int padding) {
		return torch.conv2d(x, w, optional(bias), new long[] { stride, stride }, new long[] { padding, padding },
				ONE, 1);
	}

	@Override
	public Tensor deconv2d(Tensor x, Tensor w, Tensor bias, int stride, int padding) {
		return torch.conv_transpose2d(x, w, optional(bias), new long[] { stride, stride },
				new long[] { padding, padding }, NONE, 1, ONE);
	}

	/** No bias is an empty optional, not a null tensor. */
	private static TensorOptional optional(Tensor t) {
		return t == null ? new TensorOptional() : new TensorOptional(t);
	}

	@Override
	public Tensor batchNorm(Tensor x, Tensor gain, Tensor bias, double eps) {
		return torch.batch_norm(x, new TensorOptional(gain), optional(bias), new TensorOptional(),
				new TensorOptional(), true, 0.1, eps, false);
	}

	@Override
	public Tensor linear(Tensor x, Tensor w, Tensor bias) {
		return torch.linear(x, w, optional(bias));
	}

	@Override
	public Tensor relu(Tensor x) {
		return torch.relu(x);
	}

	@Override
	public Tensor leakyRelu(Tensor x, double slope) {
		return torch.leaky_relu(x, new Scalar(slope));
	}

	@Override
	public Tensor tanh(Tensor x) {
		return torch.tanh(x);
	}

	@Override
	public Tensor softplus(Tensor x) {
		// log(1 + e^x) = max(x, 0) + log1p(e^-|x|): no overflow for large x
		return torch.relu(x).add(torch.log1p(torch.exp(torch.abs(x).neg())));
	}

	@Override
	public Tensor add(Tensor a, Tensor b) {
		return a.add(b);
	}

	@Override
	public Tensor sub(Tensor a, Tensor b) {
		return a.sub(b);
	}

	@Override
	public Tensor mul(Tensor a, Tensor b) {
		return a.mul(b);
	}

	@Override
	public Tensor scale(Tensor x, double factor) {
		return x.mul(new Scalar(factor));
	}

	@Override
	public Tensor reshape(Tensor x, long... shape) {
		return x.reshape(shape);
	}

	@Override
	public Tensor div(Tensor a, Tensor b) {
		return a.div(b);
	}

	@Override
	public Tensor addScalar(Tensor x, double value) {
		return x.add(new Scalar(value));
	}

	@Override
	public Tensor sqrt(Tensor x) {
		return x.sqrt();
	}

	@Override
	public Tensor avgPool2(Tensor x) {
		return torch.avg_pool2d(x, new long[] { 2, 2 }, new long[] { 2, 2 }, NONE, false, true, new LongOptional());
	}

	@Override
	public Tensor upsample2(Tensor x) {
		// the sizes must stay in native memory for the call: an ArrayRef made from a Java array borrows a copy
		try (LongPointer size = new LongPointer(x.sizes().at(2) * 2, x.sizes().at(3) * 2)) {
			return torch.upsample_nearest2d(x, new LongArrayRef(size, 2));
		}
	}

	@Override
	public Tensor softmax(Tensor x, int dim) {
		return torch.softmax(x, dim, new ScalarTypeOptional());
	}

	@Override
	public Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
		return torch.matmul(transposeA ? a.transpose(-2, -1) : a, transposeB ? b.transpose(-2, -1) : b);
	}

	@Override
	public Tensor concat(Tensor a, Tensor b, int dim) {
		return torch.cat(new TensorVector(a, b), dim);
	}

	@Override
	public Tensor slice(Tensor x, int dim, long from, long to) {
		return x.narrow(dim, from, to - from);
	}

	@Override
	public Tensor sum(Tensor x, boolean keep, long... dims) {
		return x.sum(dims, keep, new ScalarTypeOptional());
	}

	@Override
	public Tensor detach(Tensor x) {
		return x.detach();
	}

	@Override
	public void assign(Tensor target, Tensor value) {
		try (NoGradGuard off = new NoGradGuard()) {
			target.copy_(value);
		}
	}

	@Override
	public Tensor mean(Tensor x) {
		return x.mean();
	}

	@Override
	public Tensor sumOfSquares(Tensor x) {
		return x.square().sum();
	}

	@Override
	public boolean hasAutograd() {
		return true;
	}

	@Override
	public AutoCloseable noGradients() {
		return new NoGradGuard();
	}

	@Override
	public List<Tensor> gradients(Tensor output, List<Tensor> inputs, boolean createGraph) {
		TensorVector grads = torch.grad(new TensorVector(output), new TensorVector(inputs.toArray(Tensor[]::new)),
				new TensorVector(), new BoolOptional(createGraph), createGraph, true);
		List<Tensor> out = new ArrayList<>(inputs.size());
		for (int i = 0; i < inputs.size(); i++) {
			Tensor grad = grads.get(i);
			// an input the output does not depend on (R1 and D's output bias) has no gradient: zero
			out.add(grad.defined() ? grad : torch.zeros_like(inputs.get(i)));
		}
		return out;
	}

	/** Adam as four in-place libtorch operations per tensor, outside the tape. */
	@Override
	public Adam<Tensor> adam(List<Tensor> parameters, double lr, double beta1, double beta2) {
		List<Tensor> m = new ArrayList<>();
		List<Tensor> v = new ArrayList<>();
		for (Tensor p : parameters) {
			m.add(torch.zeros_like(p));
			v.add(torch.zeros_like(p));
		}
		Scalar b1 = new Scalar(beta1);
		Scalar b2 = new Scalar(beta2);
		Scalar rest1 = new Scalar(1 - beta1);
		Scalar rest2 = new Scalar(1 - beta2);
		Scalar eps = new Scalar(1e-8);
		long[] t = { 0 };
		return gradients -> {
			try (NoGradGuard off = new NoGradGuard()) {
				t[0]++;
				Scalar step = new Scalar(-lr * Math.sqrt(1 - Math.pow(beta2, t[0])) / (1 - Math.pow(beta1, t[0])));
				for (int i = 0; i < parameters.size(); i++) {
					Tensor g = gradients.get(i);
					m.get(i).mul_(b1).add_(g, rest1);
					v.get(i).mul_(b2).addcmul_(g, g, rest2);
					parameters.get(i).addcdiv_(m.get(i), v.get(i).sqrt().add_(eps), step);
				}
			}
		};
	}

	@Override
	public AutoCloseable scope() {
		return new PointerScope();
	}

	@Override
	public void close() {
		// tensors outside scopes are freed by JavaCPP's deallocators with their Java objects
	}
}

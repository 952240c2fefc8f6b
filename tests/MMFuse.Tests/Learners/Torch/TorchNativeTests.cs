using MMFuse.Learners.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Tests.Learners.Torch;

/// <summary>libtorch loads in the test output (on Debian 12 only after the build patched libLibTorchSharp.so's
/// GLIBCXX_3.4.32 requirement to weak) and an optimiser step does arithmetic.</summary>
[Collection(TorchCollection.Name)]
public sealed class TorchNativeTests
{
    [Fact]
    public void Tensor_arithmetic_and_one_momentum_step_change_the_weights()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3, 4 }, 2, 2);
        // Scalars held for their calls, as MMFuse's own code does (see HeldScalars).
        using var two = 2.ToScalar();
        Assert.Equal(new float[] { 2, 4, 6, 8 }, a.mul(two).data<float>().ToArray());

        var layer = nn.Linear(2, 1);
        using (no_grad())
        {
            layer.weight!.copy_(tensor(new float[] { 0.5f, -0.5f }, 1, 2));
            layer.bias!.copy_(tensor(new float[] { 0f }));
        }

        var optimizer = new HeldScalarSgd(layer.parameters(), 0.1, momentum: 0.9, weightDecay: 0, nesterov: false);
        optimizer.zero_grad();
        // loss = sum(w·x + b) over x = (1, 2): d/dw = (1, 2), d/db = 1; first momentum step moves by -lr * grad.
        var loss = layer.forward(tensor(new float[] { 1, 2 }, 1, 2)).sum();
        loss.backward();
        optimizer.step();

        var w = layer.weight!.data<float>().ToArray();
        Assert.Equal(0.5f - 0.1f, w[0], 5);
        Assert.Equal(-0.5f - 0.2f, w[1], 5);
        Assert.Equal(-0.1f, layer.bias!.data<float>().ToArray()[0], 5);
    }

    [Fact]
    public void Output_copy_of_LibTorchSharp_is_patched_when_the_host_libstdcxx_is_older()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var host = "/usr/lib/x86_64-linux-gnu/libstdc++.so.6";
        // Where the host resolves it from (deps.json runtime asset path) in a build without a runtime identifier.
        var lib = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        var flags = ElfVersionNeeds.Flags(lib, "GLIBCXX_3.4.32");
        Assert.NotNull(flags);
        if (File.Exists(host) && !File.ReadAllText(host).Contains("GLIBCXX_3.4.32\0"))
            Assert.Equal(2, flags!.Value & 2);
    }
}

using MMFuse.Learners.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Tests.Learners.Torch;

[Collection(TorchCollection.Name)]
public sealed class HeldBatchNormTests
{
    [Fact]
    public void Forward_computes_what_TorchSharps_own_batch_norm_computes_and_updates_the_same_statistics()
    {
        using var ours = nn.BatchNorm2d(3);
        using var theirs = nn.BatchNorm2d(3);
        using var generator = new Generator(11);
        for (var step = 0; step < 3; step++)
        {
            using var input = randn([4, 3, 5, 5], generator: generator).mul_(2.0).add_(1.5);
            ours.train();
            theirs.train();
            using var a = HeldBatchNorm.Forward(ours, input);
            using var b = theirs.forward(input);
            Assert.Equal(b.data<float>().ToArray(), a.data<float>().ToArray());
        }
        Assert.Equal(3L, ours.num_batches_tracked!.item<long>());
        Assert.Equal(theirs.num_batches_tracked!.item<long>(), ours.num_batches_tracked!.item<long>());
        Assert.Equal(theirs.running_mean!.data<float>().ToArray(), ours.running_mean!.data<float>().ToArray());
        Assert.Equal(theirs.running_var!.data<float>().ToArray(), ours.running_var!.data<float>().ToArray());

        ours.eval();
        theirs.eval();
        using var test = randn([2, 3, 5, 5], generator: generator);
        using var evalOurs = HeldBatchNorm.Forward(ours, test);
        using var evalTheirs = theirs.forward(test);
        Assert.Equal(evalTheirs.data<float>().ToArray(), evalOurs.data<float>().ToArray());
        Assert.Equal(3L, ours.num_batches_tracked!.item<long>());
    }
}

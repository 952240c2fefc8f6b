using MMFuse.Data;
using MMFuse.Fusion.Joint;
using MMFuse.Learners.Torch;
using MMFuse.Tests.Learners.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Tests.Fusion.Joint;

[Collection(TorchCollection.Name)]
public sealed class JointNetworkTests
{
    private static JointArchitecture Architecture(JointKind kind, params int[] blocks) =>
        JointArchitecture.From(kind, blocks, JointTestData.Fast(dropout: 0), 3);

    [Theory]
    [MemberData(nameof(JointTestData.Kinds), MemberType = typeof(JointTestData))]
    public void One_backward_pass_reaches_every_modality_encoder(JointKind kind)
    {
        // Three modalities: the gated unit's softmax gate and a three-way outer product are exercised too.
        var architecture = Architecture(kind, 3, 4, 2);
        TorchRuntime.Seeded(new TrainingOptions(Seed: 1), () =>
        {
            using var network = architecture.Build();
            using var scope = NewDisposeScope();
            var x = randn(8, 9);
            var present = ones(8, 3, dtype: ScalarType.Bool);
            var loss = nn.functional.cross_entropy(network.forward(x, present), tensor(new long[] { 0, 1, 2, 0, 1, 2, 0, 1 }));
            loss.backward();
            var parameters = network.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            foreach (var name in network.EncoderWeightNames)
            {
                var grad = parameters[name].grad;
                Assert.NotNull(grad);
                Assert.True(grad.abs().sum().item<float>() > 0, $"{kind}: no gradient at {name}");
            }
            return 0;
        });
    }

    [Theory]
    [MemberData(nameof(JointTestData.Kinds), MemberType = typeof(JointTestData))]
    public void An_absent_block_is_replaced_by_its_embedding_so_its_values_do_not_matter(JointKind kind)
    {
        var architecture = Architecture(kind, 3, 4);
        TorchRuntime.Seeded(new TrainingOptions(Seed: 2), () =>
        {
            using var network = architecture.Build();
            network.eval();
            using var scope = NewDisposeScope();
            var x = randn(5, 7);
            var scrambled = x.clone();
            using var hundred = 100.ToScalar();
            scrambled.narrow(1, 3, 4).copy_(randn(5, 4).mul(hundred));
            var bAbsent = tensor(new[] { true, false }).repeat(5, 1);
            Assert.True(network.forward(x, bAbsent).eq(network.forward(scrambled, bAbsent)).all().item<bool>());
            Assert.False(network.forward(x, ones(5, 2, dtype: ScalarType.Bool)).eq(network.forward(scrambled, ones(5, 2, dtype: ScalarType.Bool))).all().item<bool>());
            // Nothing present at all still gives finite outputs (attention falls back to every token).
            Assert.True(network.forward(x, zeros(5, 2, dtype: ScalarType.Bool)).isfinite().all().item<bool>());
            return 0;
        });
    }

    [Fact]
    public void Modality_dropout_never_empties_a_row_and_drops_about_p()
    {
        TorchRuntime.Seeded(new TrainingOptions(Seed: 4), () =>
        {
            using var scope = NewDisposeScope();
            using var threshold = 0.2.ToScalar();
            var present = rand(4000, 3).ge(threshold); // some blocks already absent
            var dropped = ModalityDropout.Apply(present, 0.3, null);
            Assert.True(dropped.logical_and(present.logical_not()).any().item<bool>() == false, "an absent block became present");
            var rowsWithAny = present.any(1);
            Assert.True(dropped.any(1).eq(rowsWithAny).all().item<bool>(), "a row lost every present block");
            var rate = 1 - dropped.sum().item<long>() / (double)present.sum().item<long>();
            Assert.InRange(rate, 0.2, 0.3); // below p: rows that would be emptied keep everything
            Assert.True(ModalityDropout.Apply(present, 0, null).eq(present).all().item<bool>());
            return 0;
        });
    }

    [Fact]
    public void Predictor_rejects_malformed_rows_and_payloads()
    {
        var architecture = Architecture(JointKind.Concat, 2, 1);
        Assert.Equal(5, architecture.Columns);
        Assert.Contains("must be 0 or 1", Assert.Throws<ArgumentException>(() =>
            JointPredictor.Split(architecture, [[0, 0, 0, 1, 0.5f]])).Message);
        Assert.Contains("expects 5", Assert.Throws<ArgumentException>(() => JointPredictor.Split(architecture, [[0, 0, 0]])).Message);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => JointPredictor.Split(architecture, [[float.NaN, 0, 0, 1, 1]])).Message);
        Assert.Throws<InvalidDataException>(() => JointPredictor.Load(new MemoryStream("not a network"u8.ToArray())));
        Assert.Throws<InvalidDataException>(() => JointPredictor.Load(new MemoryStream()));
    }

    [Fact]
    public void The_payload_kind_is_registered()
    {
        Assert.True(MMFuse.Learners.PredictorLoader.CanLoad(JointPredictor.KindName));
        Assert.Contains(JointPredictor.KindName, TorchPredictorLoader.Kinds);
        _ = TaskKind.Binary;
    }
}

using MMFuse.Fusion;
using MMFuse.Fusion.Joint;
using MMFuse.Learners;
using MMFuse.Learners.Torch;

namespace MMFuse.Tests.Api;

/// <summary>Strategies composed from objects carry the names and options the catalog of names gives them.</summary>
public sealed class StrategiesTests
{
    [Fact]
    public void Factory_functions_build_the_strategies_the_names_stand_for()
    {
        Assert.Equal("early/logreg", Strategies.Early(Learner.LogReg(new LogRegOptions(L2: 0.5))).Name);
        Assert.Equal("late/gbdt", Strategies.Late(Learner.Gbdt()).Name);
        Assert.Equal("vote-soft/mlp", Strategies.SoftVote(Learner.Mlp(new MlpOptions(HiddenSizes: [32]))).Name);
        Assert.Equal("vote-hard/svm", Strategies.HardVote(Learner.Svm()).Name);
        Assert.Equal("stacking/logreg", Strategies.Stacking(Learner.LogReg()).Name);
        Assert.Equal("joint-gated", Strategies.Joint(JointKind.Gated).Name);
        Assert.Equal("audio-only/forest", Strategies.Only("audio", Learner.Forest()).Name);
    }

    [Fact]
    public void All_is_the_default_comparison_with_the_ensemble_sharing_its_members_objects()
    {
        var all = Strategies.All;
        Assert.Equal(StrategyCatalog.Defaults, all.Select(s => s.Name));
        var ensemble = Assert.IsType<EnsembleStrategy>(all.Single(s => s.Name == "ensemble"));
        Assert.All(ensemble.Members, m => Assert.Contains(all, s => ReferenceEquals(s, m)));
    }
}

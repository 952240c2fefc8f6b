namespace MMFuse.Tests.Learners.Torch;

/// <summary>libtorch's random generator and thread count are process-wide. The learners serialise their own seeded
/// training (TorchRuntime.Seeded), but these tests also draw from the generator directly, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class TorchCollection
{
    public const string Name = "Torch";
}

namespace MMFuse.Tests.Serve;

/// <summary>The serve tests share their trained models and run one after another (each starts servers of its own).</summary>
[CollectionDefinition(Name)]
public sealed class ServeCollection : ICollectionFixture<ServedModels>
{
    public const string Name = "serve";
}

using MMFuse.Cluster;
using MMFuse.Data;

namespace MMFuse.Tests.Cluster;

/// <summary>A worker reads shared media only inside the manifest's folder: '..', absolute paths and links out are refused.</summary>
public sealed class SharedMediaFolderTests
{
    [Fact]
    public void Paths_inside_the_folder_resolve_and_every_way_out_is_refused()
    {
        using var dir = new TempDirectory();
        var folder = Directory.CreateDirectory(dir.File("data")).FullName;
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        File.WriteAllText(Path.Combine(folder, "images", "a.png"), "a");
        var outside = Directory.CreateDirectory(dir.File("secret")).FullName;
        File.WriteAllText(Path.Combine(outside, "key.png"), "k");
        File.CreateSymbolicLink(Path.Combine(folder, "images", "inner.png"), Path.Combine(folder, "images", "a.png"));
        File.CreateSymbolicLink(Path.Combine(folder, "images", "out.png"), Path.Combine(outside, "key.png"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "linked"), outside);

        Assert.Equal(Path.Combine(folder, "images", "a.png"), SharedMediaFolder.Resolve(folder, "images/a.png"));
        Assert.Equal(Path.Combine(folder, "images", "a.png"), SharedMediaFolder.Resolve(folder, "images/inner.png"));
        Assert.Contains("'..'", Assert.Throws<MMFuseInputException>(() => SharedMediaFolder.Resolve(folder, "../secret/key.png")).Message);
        Assert.Contains("'..'", Assert.Throws<MMFuseInputException>(() => SharedMediaFolder.Resolve(folder, "images/../../secret/key.png")).Message);
        Assert.Contains("not a relative path", Assert.Throws<MMFuseInputException>(() => SharedMediaFolder.Resolve(folder, Path.Combine(outside, "key.png"))).Message);
        Assert.Contains("through a link", Assert.Throws<MMFuseInputException>(() => SharedMediaFolder.Resolve(folder, "images/out.png")).Message);
        Assert.Contains("through a link", Assert.Throws<MMFuseInputException>(() => SharedMediaFolder.Resolve(folder, "linked/key.png")).Message);

        // The folder a client names must lie inside a folder the worker was started with.
        SharedMediaFolder.CheckAllowed(folder, [dir.Path]);
        SharedMediaFolder.CheckAllowed(folder, [folder]);
        Assert.Throws<MMFuseInputException>(() => SharedMediaFolder.CheckAllowed(outside, [folder]));
        Assert.Throws<MMFuseInputException>(() => SharedMediaFolder.CheckAllowed(Path.Combine(folder, "linked"), [folder]));
        Assert.Contains("reads no shared media", Assert.Throws<MMFuseInputException>(() => SharedMediaFolder.CheckAllowed(folder, [])).Message);
    }
}

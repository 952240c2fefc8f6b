using System.CommandLine;
using MMFuse.Cluster;
using MMFuse.IO;

namespace MMFuse.Cli;

/// <summary><c>--cluster URI</c> (run the cross-validation jobs on <c>mmfuse worker</c> silos) and <c>--cluster-log FILE</c>.</summary>
internal sealed class ClusterArguments
{
    public Option<string?> Cluster { get; } = new("--cluster")
    {
        Description = "Run the cross-validation jobs on mmfuse workers: localhost or redis://HOST:PORT (same results as a local run)",
    };

    public Option<string?> Log { get; } = new("--cluster-log") { Description = "With --cluster: write the jobs, their durations and the bytes shipped as JSON" };

    public void AddTo(Command command)
    {
        command.Add(Cluster);
        command.Add(Log);
    }

    /// <summary>Writes the run log where --cluster-log asks.</summary>
    public void WriteLog(ParseResult parse, ClusterRunLog? log)
    {
        if (parse.GetValue(Log) is { } path && log is not null)
            AtomicFile.WriteAllText(path, Rendering.InspectionJson.Serialize(Rendering.ClusterLogJson.Of(log)));
    }
}

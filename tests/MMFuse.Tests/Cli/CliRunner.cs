using MMFuse.Cli;

namespace MMFuse.Tests.Cli;

/// <summary>Runs the command line in-process and captures its exit code and both streams.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = MmfuseApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

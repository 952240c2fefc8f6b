using System.CommandLine;
using MMFuse.Cli.Commands;
using MMFuse.Data;

namespace MMFuse.Cli;

/// <summary>
/// The command line. Exit codes: 0 success, 2 bad input or usage (message on stderr, no stack trace),
/// 1 unexpected failure (set MMFUSE_DEBUG=1 for the stack trace).
/// </summary>
public static class MmfuseApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var context = new CliContext(output, error);
        var root = new RootCommand("MMFuse: multimodal learning and fusion for tables of images, audio, text and numbers")
        {
            InspectCommand.Create(context),
            ExtractCommand.Create(context),
            EvaluateCommand.Create(context),
            CompareCommand.Create(context),
            TrainCommand.Create(context),
            PredictCommand.Create(context),
            ServeCommand.Create(context),
            DemoCommand.Create(context),
            WorkerCommand.Create(context),
        };
        return Invoke(root, args, output, error);
    }

    private static int Invoke(RootCommand root, string[] args, TextWriter output, TextWriter error)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
                error.WriteLine("error: " + problem.Message);
            error.WriteLine("run 'mmfuse --help' (or 'mmfuse COMMAND --help') for usage");
            return BadInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (MMFuseInputException ex)
        {
            error.WriteLine("error: " + CliFlags.Map(ex.Message));
            return BadInput;
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.All(e => e is MMFuseInputException))
        {
            // Parallel folds wrap a user's mistake; report each distinct message once.
            foreach (var message in ex.Flatten().InnerExceptions.Select(e => CliFlags.Map(e.Message)).Distinct())
                error.WriteLine("error: " + message);
            return BadInput;
        }
        catch (Exception ex)
        {
            error.WriteLine($"unexpected error: {ex.GetType().Name}: {ex.Message}");
            if (Environment.GetEnvironmentVariable("MMFUSE_DEBUG") == "1")
                error.WriteLine(ex);
            else
                error.WriteLine("(set MMFUSE_DEBUG=1 to see the stack trace; please report this)");
            return Failure;
        }
    }
}

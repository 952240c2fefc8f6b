namespace MMFuse.Cli;

public static class Program
{
    public static int Main(string[] args) => MmfuseApp.Run(args, Console.Out, Console.Error);
}

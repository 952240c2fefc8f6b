using System.Globalization;

namespace MMFuse.Load;

/// <summary>
/// <c>MMFuse.Load --cli MMFuse.Cli.dll --model NAME MODEL.mmf TABLE.csv [--model ...] [--seconds 20] [--clients 1,4,16]
/// [--max-batch 16,1] [--json FILE]</c>. Each request sends one row of TABLE.csv (the model's sample table).
/// </summary>
internal sealed record LoadArguments(string Cli, IReadOnlyList<(string Name, string Model, string Rows)> Models, int Seconds,
    IReadOnlyList<int> Clients, IReadOnlyList<int> MaxBatches, string? Json)
{
    public static LoadArguments Parse(string[] args)
    {
        string? cli = null, json = null;
        var models = new List<(string, string, string)>();
        int seconds = 20;
        IReadOnlyList<int> clients = [1, 4, 16], batches = [16, 1];
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--cli": cli = args[++i]; break;
                case "--model": models.Add((args[++i], args[++i], args[++i])); break;
                case "--seconds": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--clients": clients = Ints(args[++i]); break;
                case "--max-batch": batches = Ints(args[++i]); break;
                case "--json": json = args[++i]; break;
                default: throw new ArgumentException("unknown argument: " + args[i]);
            }
        }
        if (cli is null || models.Count == 0)
            throw new ArgumentException("usage: MMFuse.Load --cli MMFuse.Cli.dll --model NAME MODEL.mmf TABLE.csv [--seconds S] [--clients 1,4,16] [--max-batch 16,1] [--json FILE]");
        return new LoadArguments(cli, models, seconds, clients, batches, json);
    }

    private static int[] Ints(string list) => list.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}

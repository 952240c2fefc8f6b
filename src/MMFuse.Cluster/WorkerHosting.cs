using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace MMFuse.Cluster;

/// <summary>Makes a silo an MMFuse worker (used by <c>mmfuse worker</c> and by in-process test clusters).</summary>
public static class WorkerHosting
{
    /// <summary>Registers the worker's settings, activates its worker grain on this silo at start-up, and shortens
    /// failure detection so a killed worker's jobs move on within seconds.</summary>
    public static ISiloBuilder AddMMFuseWorker(this ISiloBuilder silo, WorkerSettings? settings = null)
    {
        silo.Services.AddSingleton(settings ?? new WorkerSettings());
        silo.Services.AddSingleton<WorkerStore>();
        silo.Services.AddSingleton<WorkerExtraction>();
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
        });
        // The worker grain is placed where it is first called: calling it from this silo puts it here.
        silo.AddStartupTask(async (services, _) =>
        {
            var name = services.GetRequiredService<ILocalSiloDetails>().Name;
            await services.GetRequiredService<IGrainFactory>().GetGrain<IWorkerGrain>(name).Hello();
        });
        return silo;
    }
}

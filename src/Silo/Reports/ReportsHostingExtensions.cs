using Microsoft.Extensions.DependencyInjection;

namespace Ops.Silo.Reports;

public static class ReportsHostingExtensions
{
    /// <summary>The silo's part of the reports: its tallies are stored when it stops in order.</summary>
    public static IServiceCollection AddOpsReports(this IServiceCollection services)
    {
        services.AddSingleton<ActiveTallies>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => provider.GetRequiredService<ActiveTallies>());
        return services;
    }
}

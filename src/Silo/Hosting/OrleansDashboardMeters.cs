using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Ops.Observability;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;

namespace Ops.Silo.Hosting;

/// <summary>
/// The Orleans Dashboard's reading of the silo's Orleans meters, once a second, for its counters page; the same as the
/// package's own reader except that it leaves out the gauges that walk every activation
/// (<see cref="OpsTelemetry.ActivationWalkingInstruments"/>). With 200,000 activations those walks took most of an idle
/// silo's CPU (docs/PERFORMANCE.md).
/// </summary>
/// <remarks>
/// The package starts its reader from a lifecycle participant (its internal <c>DashboardHost</c>, which also activates
/// the dashboard's grains on start, and keeps doing so). <see cref="AddOpsOrleansDashboard"/> puts this reader in that
/// participant's place and hands the readings to the package's exporter; it finds both by name. A package version
/// that renames either fails the silo's start; the end-to-end admin console test reads the counters page.
/// </remarks>
public sealed class OrleansDashboardMeters : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    const string PackageHost = "Orleans.Dashboard.DashboardHost";
    const string PackageExporter = "Orleans.Dashboard.Implementation.DashboardTelemetryExporter";
    static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    readonly IServiceProvider _services;
    readonly Type _exporterType;
    MeterProvider? _provider;

    OrleansDashboardMeters(IServiceProvider services, Type exporterType)
    {
        _services = services;
        _exporterType = exporterType;
    }

    /// <summary>Adds the Orleans Dashboard's silo services with this reader in place of the package's.</summary>
    public static ISiloBuilder AddOpsOrleansDashboard(ISiloBuilder silo)
    {
        var services = silo.Services;
        var before = services.Count;
        silo.AddDashboard();
        var exporterType = typeof(DashboardOptions).Assembly.GetType(PackageExporter, throwOnError: true)!;
        if (!Enumerable.Range(before, services.Count - before).Any(i => services[i].ServiceType.FullName == PackageHost))
            throw new InvalidOperationException($"The Orleans Dashboard package no longer registers {PackageHost}.");
        for (var i = before; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(ILifecycleParticipant<ISiloLifecycle>))
                continue;
            // The package's host is also its hosted service: only its part in the lifecycle is left out. It registers
            // the host's part through a factory (as it does its profiler's), so which one it is shows when it is made.
            if (descriptor.ImplementationType?.FullName == PackageHost)
                services[i] = new ServiceDescriptor(descriptor.ServiceType, provider => new OrleansDashboardMeters(provider, exporterType), descriptor.Lifetime);
            else if (descriptor.ImplementationFactory is { } factory)
                services[i] = new ServiceDescriptor(descriptor.ServiceType, provider =>
                {
                    var participant = factory(provider);
                    return participant.GetType().FullName == PackageHost ? new OrleansDashboardMeters(provider, exporterType) : participant;
                }, descriptor.Lifetime);
        }
        return silo;
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        // The stage the package starts its reader at: after the silo's own services, before it becomes active.
        lifecycle.Subscribe<OrleansDashboardMeters>(ServiceLifecycleStage.Active - 1, _ => Start());

    Task Start()
    {
        var orleans = _services.GetRequiredService<OrleansInstruments>().Meter;
        var exporter = (BaseExporter<Metric>)_services.GetRequiredService(_exporterType);
        _provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(orleans.Name)
            .AddView(instrument => Select(instrument, orleans))
            .AddReader(new PeriodicExportingMetricReader(exporter, (int)Interval.TotalMilliseconds, exportTimeoutMilliseconds: 1000))
            .Build();
        return Task.CompletedTask;
    }

    /// <summary>This silo's Orleans meter only, without the walking gauges; histograms as sums only (the counters page
    /// shows one figure per instrument).</summary>
    static MetricStreamConfiguration? Select(Instrument instrument, Meter orleans)
    {
        if (instrument.Meter != orleans || OpsTelemetry.ActivationWalkingInstruments.Contains(instrument.Name))
            return MetricStreamConfiguration.Drop;
        var type = instrument.GetType();
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Histogram<>)
            ? new ExplicitBucketHistogramConfiguration { TagKeys = [], Boundaries = [], RecordMinMax = false }
            : null;
    }

    public void Dispose() => _provider?.Dispose();
}

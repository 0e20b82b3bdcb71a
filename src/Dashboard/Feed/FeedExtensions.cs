using Microsoft.AspNetCore.SignalR;

namespace Ops.Dashboard.Feed;

public static class FeedExtensions
{
    /// <summary>SignalR's dispatcher logs every failed hub call as an error with its stack trace, a
    /// refusal included; <see cref="OpsHubFilter"/> logs those itself, so only the dispatcher's warnings are kept.</summary>
    private const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public static WebApplicationBuilder AddOpsFeed(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<UserConnections>();
        builder.Services.AddSingleton<OpsHubFilter>();
        builder.Services.AddSignalR(options => options.AddFilter<OpsHubFilter>());
        builder.Logging.AddFilter(DispatcherCategory, level => level == LogLevel.Warning);
        builder.Services.AddHostedService<StaleConnectionSweep>();
        builder.Services.AddSingleton<FeedMemory>();
        builder.Services.AddHostedService<FeedRelay>();
        return builder;
    }

    public static WebApplication MapOpsFeed(this WebApplication app)
    {
        app.MapHub<OpsHub>("/hubs/ops");
        return app;
    }
}

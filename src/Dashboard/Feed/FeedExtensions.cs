namespace Ops.Dashboard.Feed;

public static class FeedExtensions
{
    public static WebApplicationBuilder AddOpsFeed(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
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

using Orleans.Dashboard;
using Ops.Dashboard.Auth;

namespace Ops.Dashboard.Admin;

public static class OrleansDashboardExtensions
{
    private const string GrainStatePath = AdminConsole.OrleansPath + "/GrainState";

    /// <summary>The Orleans Dashboard at <c>/orleans/</c>, for admins (bearer token or the console cookie). Its grain
    /// state viewer stays closed: users' and gates' state holds their password and secret hashes.</summary>
    public static WebApplication MapOpsOrleansDashboard(this WebApplication app)
    {
        app.Use((context, next) => context.Request.Path.StartsWithSegments(GrainStatePath)
            ? Results.Problem("Grain state is not shown: it holds password and secret hashes.", statusCode: StatusCodes.Status403Forbidden)
                .ExecuteAsync(context)
            : next(context));
        app.MapOrleansDashboard(AdminConsole.OrleansPath).RequireAuthorization(Policies.Admin).ExcludeFromDescription();
        return app;
    }
}

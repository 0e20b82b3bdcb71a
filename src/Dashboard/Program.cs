using Ops.Dashboard.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddOpsDashboard();

var app = builder.Build();
app.MapOpsDashboard();
app.Run();

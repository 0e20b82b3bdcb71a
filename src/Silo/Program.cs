using Microsoft.Extensions.Hosting;
using Ops.Silo.Hosting;
using Ops.Silo.Reports;

var builder = Host.CreateApplicationBuilder(args);
builder.AddOpsSilo();
builder.Services.AddOpsReports();
builder.AddOpsSiloTelemetry();
await builder.Build().RunAsync();

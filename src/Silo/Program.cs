using Microsoft.Extensions.Hosting;
using Ops.Silo.Hosting;
using Ops.Silo.Reports;

var builder = Host.CreateApplicationBuilder(args);
builder.AddOpsSilo();
builder.Services.AddOpsReports();
await builder.Build().RunAsync();

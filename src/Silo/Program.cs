using Microsoft.Extensions.Hosting;
using Ops.Silo.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddOpsSilo();
builder.AddOpsSiloTelemetry();
await builder.Build().RunAsync();

using Microsoft.Extensions.Hosting;
using Ops.Gateway.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddOpsGateway();
await builder.Build().RunAsync();

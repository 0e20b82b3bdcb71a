using System.Runtime.InteropServices;
using Ops.LoadGen;

// Load generator for the hub's decision path, with real MQTT gates and a real SignalR feed client.
//   Ops.LoadGen run --url http://127.0.0.1:8080 --admin-password P --mqtt-port 1883 [options]
//   Ops.LoadGen run --ceiling --mqtt-port N [options]      against a plain broker answered by `echo`
//   Ops.LoadGen echo --mqtt-port N [--connections 2]      answers every gate event with an open command
//   Ops.LoadGen archive --url U --admin-password P [--residents 10000 --buildings 20]   times import, incident, search, export
// Options of run: --sites --gates --residents --steps 1000,2000,... --step-seconds --timeout-seconds
//   --warmup-seconds --workers --max-inflight --latency-at --concurrency --summary-file
//   --watch silo=PID,gateway=PID   also reports those processes' CPU per step, and the CPU per decided event
var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
// SIGTERM (bench.sh stopping the echo responder) ends the run like Ctrl-C: connections close, then exit.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

if (args.Length == 0 || args[0] is not ("run" or "echo" or "archive"))
{
    Console.Error.WriteLine("usage: Ops.LoadGen run|echo|archive [--option value ...] (see Program.cs or docs/PERFORMANCE.md)");
    return 2;
}
LoadOptions options;
try
{
    options = LoadOptions.Parse(args[1..], echo: args[0] == "echo");
}
catch (Exception exception) when (exception is ArgumentException or FormatException)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}
return args[0] switch
{
    "echo" => await new EchoResponder(options).RunAsync(stop.Token),
    "archive" => await new ArchiveBenchmark(options).RunAsync(stop.Token),
    _ => await new LoadRunner(options).RunAsync(stop.Token),
};

using Ops.Simulator;

// Simulated gates for the demo site, and a latency benchmark of the decision path.
//   Ops.Simulator run          publish a swipe every ~2 s from the demo gates, forever
//   Ops.Simulator bench [N] [swipes|plates]
//                              send N events one after another, print publish -> command latency
var settings = SimulatorSettings.FromEnvironment();
var gates = await DemoGates.LoadAsync(settings);
var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

return args.FirstOrDefault() switch
{
    "bench" => await LatencyBenchmark.RunAsync(settings, gates, args.ElementAtOrDefault(2) ?? "swipes",
        args.Length > 1 ? int.Parse(args[1]) : 1000, stop.Token),
    _ => await DemoTraffic.RunAsync(settings, gates, stop.Token),
};

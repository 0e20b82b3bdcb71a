using System.Runtime.InteropServices;
using Ops.Simulator;

// Simulated gates and a property office for a demo site, against the local hub or any other: see
// SimulatorOptions.Usage and docs/demo.md.
SimulatorOptions options;
try
{
    options = SimulatorOptions.Parse(args, Environment.GetEnvironmentVariable);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine($"{exception.Message}{Environment.NewLine}{Environment.NewLine}{SimulatorOptions.Usage}");
    return 2;
}

// Ctrl-C and SIGTERM end the run; the gates then disconnect cleanly before the process exits.
using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    return options.Command switch
    {
        "bench" => await LatencyBenchmark.RunAsync(options, await DemoGates.LoadAsync(options.DataDirectory),
            options.Arguments.ElementAtOrDefault(1) ?? "swipes", options.Arguments.Count > 0 ? int.Parse(options.Arguments[0]) : 1000, stop.Token),
        _ => await Demo.RunAsync(options, stop.Token),
    };
}
catch (Exception) when (stop.IsCancellationRequested)
{
    // Stopped while a message was in flight (MQTTnet reports a cancelled publish as a timeout): a normal end.
    return 0;
}
catch (Exception exception) when (exception is HttpRequestException or IOException or InvalidOperationException or MQTTnet.Exceptions.MqttCommunicationException)
{
    Console.Error.WriteLine($"Ops.Simulator: {exception.Message}");
    return 1;
}

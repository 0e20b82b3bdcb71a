using System.Globalization;
using System.Text.RegularExpressions;

namespace Ops.EndToEnd.Infrastructure;

/// <summary>A <c>/metrics</c> answer read as the Prometheus text format: samples by name and labels.</summary>
public sealed partial class Scrape
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> samples = [];

    private Scrape(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n'))
        {
            var match = SampleLine().Match(line);
            if (!match.Success)
                continue;
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(pair => pair.Groups[1].Value, pair => pair.Groups[2].Value);
            samples.Add((match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }
    }

    public string Text { get; }

    public static async Task<Scrape> FromAsync(HttpClient http) => new(await http.GetStringAsync("metrics"));

    /// <summary>The sum of the samples of <paramref name="name"/> that carry every given label; 0 when there are none.</summary>
    public double Value(string name, params (string Label, string Value)[] labels) => samples
        .Where(sample => sample.Name == name && labels.All(label => sample.Labels.GetValueOrDefault(label.Label) == label.Value))
        .Sum(sample => sample.Value);

    public bool Has(string name) => samples.Any(sample => sample.Name == name);

    /// <summary>Scrapes until <paramref name="done"/> holds (counts travel through the cluster every few seconds).</summary>
    public static async Task<Scrape> UntilAsync(HttpClient http, Func<Scrape, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var scrape = await FromAsync(http);
            if (done(scrape) || DateTime.UtcNow > deadline)
                return scrape;
            await Task.Delay(250);
        }
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}

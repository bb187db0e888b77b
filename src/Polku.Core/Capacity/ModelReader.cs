using System.Globalization;
using System.Text.Json;

namespace Polku.Core.Capacity;

/// <summary>
/// Reads a SPEC §5.3 model from JSON and checks it, every problem named by its field. A model with any error is not
/// returned; warnings (an unstable station) come with a model that can still be run.
/// </summary>
public static class ModelReader
{
    public sealed record Outcome(SimulationModel? Model, IReadOnlyList<ModelIssue> Errors, IReadOnlyList<ModelIssue> Warnings);

    private static readonly string[] TopFields = ["days", "warmup_days", "replications", "seed", "stations", "arrivals", "routing", "warmup_method", "target_half_width_days"];
    private static readonly string[] StationFields = ["id", "servers", "service", "capacity", "patience_days", "cost_per_server_day", "cost_per_waiting_day", "schedule"];
    private static readonly string[] ServiceFields = ["distribution", "mean_days", "cv", "samples_days"];
    private static readonly string[] ArrivalFields = ["station", "per_day", "priority", "by_weekday", "calendar"];
    private static readonly string[] RouteFields = ["from", "to", "probability"];
    private static readonly string[] CalendarFields = ["cycle_days", "steps"];

    public static Outcome Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return new Outcome(null, [new ModelIssue("$", "NotJson", e.LineNumber + 1 ?? 1, e.BytePositionInLine + 1 ?? 1)], []);
        }

        using (document)
        {
            var reader = new Reader();
            var model = reader.Model(document.RootElement);
            if (reader.Errors.Count > 0 || model is null)
            {
                return new Outcome(null, reader.Errors, []);
            }

            var errors = new List<ModelIssue>();
            var warnings = new List<ModelIssue>();
            Traffic.Check(model, errors, warnings);
            return errors.Count > 0 ? new Outcome(null, errors, warnings) : new Outcome(model, [], warnings);
        }
    }

    private sealed class Reader
    {
        public List<ModelIssue> Errors { get; } = [];

        private void Error(string field, string code, params object[] values) => Errors.Add(new ModelIssue(field, code, values));

        public SimulationModel? Model(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", "NotObject");
                return null;
            }

            Known(root, "", TopFields);
            var days = Number(root, "", "days", required: true, positive: true) ?? 1;
            var warmupDays = Number(root, "", "warmup_days", required: false, positive: false) ?? 0;
            if (warmupDays >= days)
            {
                Error("warmup_days", "WarmupTooLong");
            }

            var replications = Integer(root, "", "replications", required: true, min: 2, max: 100_000) ?? 2;
            ulong seed = 0;
            if (!root.TryGetProperty("seed", out var seedElement))
            {
                Error("seed", "Required");
            }
            else if (seedElement.ValueKind != JsonValueKind.Number || !seedElement.TryGetUInt64(out seed))
            {
                Error("seed", "NotSeed");
            }

            var method = WarmupMethod.Fixed;
            if (root.TryGetProperty("warmup_method", out var methodElement))
            {
                method = methodElement.ValueKind == JsonValueKind.String ? methodElement.GetString() switch
                {
                    "fixed" => WarmupMethod.Fixed,
                    "mser5" => WarmupMethod.Mser5,
                    _ => Bad("warmup_method", "UnknownWarmup", WarmupMethod.Fixed),
                } : Bad("warmup_method", "UnknownWarmup", WarmupMethod.Fixed);
            }

            var target = Number(root, "", "target_half_width_days", required: false, positive: true);

            var stations = new List<StationModel>();
            foreach (var (element, path) in Array(root, "", "stations", required: true, nonEmpty: true))
            {
                if (Station(element, path) is { } station)
                {
                    if (stations.Any(s => s.Id == station.Id))
                    {
                        Error(path + ".id", "DuplicateStation", station.Id);
                    }

                    stations.Add(station);
                }
            }

            var ids = stations.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var arrivals = new List<ArrivalModel>();
            foreach (var (element, path) in Array(root, "", "arrivals", required: true, nonEmpty: true))
            {
                if (Arrival(element, path, ids) is { } arrival)
                {
                    arrivals.Add(arrival);
                }
            }

            var routing = new List<RouteModel>();
            foreach (var (element, path) in Array(root, "", "routing", required: false, nonEmpty: false))
            {
                if (!Object(element, path))
                {
                    continue;
                }

                Known(element, path, RouteFields);
                var from = StationId(element, path, "from", ids);
                var to = StationId(element, path, "to", ids);
                var probability = Number(element, path, "probability", required: true, positive: false);
                if (probability > 1)
                {
                    Error(path + ".probability", "TooLarge", 1);
                }

                if (from is not null && to is not null && probability is { } p)
                {
                    routing.Add(new RouteModel(from, to, p));
                }
            }

            foreach (var group in routing.GroupBy(r => r.From))
            {
                var sum = group.Sum(r => r.Probability);
                if (sum > 1 + 1e-9)
                {
                    Error("routing", "ProbabilitySum", group.Key, sum);
                }
            }

            return Errors.Count > 0 ? null : new SimulationModel(days, warmupDays, replications, seed, stations, arrivals, routing)
            {
                Warmup = method,
                TargetHalfWidthDays = target,
            };
        }

        private T Bad<T>(string field, string code, T value)
        {
            Error(field, code);
            return value;
        }

        private StationModel? Station(JsonElement element, string path)
        {
            if (!Object(element, path))
            {
                return null;
            }

            Known(element, path, StationFields);
            var id = Text(element, path, "id");
            var schedule = element.TryGetProperty("schedule", out var scheduleElement)
                ? Calendar(scheduleElement, path + ".schedule", "servers", integer: true)
                : null;
            var servers = Integer(element, path, "servers", required: schedule is null, min: 1, max: 1_000_000)
                ?? (schedule is null ? 1 : (int)schedule.Max);
            if (schedule is not null && schedule.Max < 1)
            {
                Error(path + ".schedule.steps", "NoServers");
            }

            ServiceModel? service = null;
            if (!element.TryGetProperty("service", out var serviceElement))
            {
                Error(path + ".service", "Required");
            }
            else
            {
                service = Service(serviceElement, path + ".service");
            }

            var capacity = Integer(element, path, "capacity", required: false, min: 1, max: int.MaxValue - 1);
            if (capacity < servers)
            {
                Error(path + ".capacity", "CapacityBelowServers");
            }

            var patience = Number(element, path, "patience_days", required: false, positive: true);
            var serverCost = Number(element, path, "cost_per_server_day", required: false, positive: false) ?? 0;
            var waitingCost = Number(element, path, "cost_per_waiting_day", required: false, positive: false) ?? 0;
            return id is null || service is null ? null : new StationModel(id, servers, service)
            {
                Capacity = capacity,
                PatienceDays = patience,
                CostPerServerDay = serverCost,
                CostPerWaitingDay = waitingCost,
                Schedule = schedule,
            };
        }

        private ServiceModel? Service(JsonElement element, string path)
        {
            if (!Object(element, path))
            {
                return null;
            }

            Known(element, path, ServiceFields);
            var name = Text(element, path, "distribution");
            ServiceDistribution? distribution = name switch
            {
                null => null,
                "exponential" => ServiceDistribution.Exponential,
                "deterministic" => ServiceDistribution.Deterministic,
                "lognormal" => ServiceDistribution.Lognormal,
                "gamma" => ServiceDistribution.Gamma,
                "empirical" => ServiceDistribution.Empirical,
                _ => null,
            };
            if (name is not null && distribution is null)
            {
                Error(path + ".distribution", "UnknownDistribution", name);
            }

            if (distribution == ServiceDistribution.Empirical)
            {
                var samples = new List<double>();
                foreach (var (sample, samplePath) in Array(element, path, "samples_days", required: true, nonEmpty: true))
                {
                    if (sample.ValueKind != JsonValueKind.Number || !double.IsFinite(sample.GetDouble()))
                    {
                        Error(samplePath, "NotNumber");
                    }
                    else if (sample.GetDouble() < 0)
                    {
                        Error(samplePath, "Negative");
                    }
                    else
                    {
                        samples.Add(sample.GetDouble());
                    }
                }

                if (samples.Count > 0 && samples.All(s => s == 0))
                {
                    Error(path + ".samples_days", "AllZero");
                }

                var mean = samples.Count > 0 ? samples.Average() : 1;
                if (element.TryGetProperty("mean_days", out _))
                {
                    Error(path + ".mean_days", "EmpiricalMean");
                }

                return new ServiceModel(ServiceDistribution.Empirical, mean) { SamplesDays = samples };
            }

            var meanDays = Number(element, path, "mean_days", required: true, positive: true);
            var cv = Number(element, path, "cv", required: distribution is ServiceDistribution.Lognormal or ServiceDistribution.Gamma, positive: true);
            if (cv is not null && distribution is ServiceDistribution.Exponential or ServiceDistribution.Deterministic)
            {
                Error(path + ".cv", "CvNotUsed", name!);
            }

            if (element.TryGetProperty("samples_days", out _))
            {
                Error(path + ".samples_days", "SamplesNotUsed", name ?? "");
            }

            return distribution is { } d && meanDays is { } m
                ? new ServiceModel(d, m) { Cv = cv ?? (d == ServiceDistribution.Deterministic ? 0 : 1) }
                : null;
        }

        private ArrivalModel? Arrival(JsonElement element, string path, HashSet<string> ids)
        {
            if (!Object(element, path))
            {
                return null;
            }

            Known(element, path, ArrivalFields);
            var station = StationId(element, path, "station", ids);
            var calendar = element.TryGetProperty("calendar", out var calendarElement)
                ? Calendar(calendarElement, path + ".calendar", "per_day", integer: false)
                : null;
            var perDay = Number(element, path, "per_day", required: calendar is null, positive: false);
            if (calendar is not null && perDay is not null)
            {
                Error(path + ".per_day", "PerDayWithCalendar");
            }

            var priority = Integer(element, path, "priority", required: false, min: 0, max: 1000) ?? 0;
            List<double>? weekdays = null;
            if (element.TryGetProperty("by_weekday", out _))
            {
                weekdays = [];
                foreach (var (day, dayPath) in Array(element, path, "by_weekday", required: true, nonEmpty: true))
                {
                    if (day.ValueKind != JsonValueKind.Number || !double.IsFinite(day.GetDouble()))
                    {
                        Error(dayPath, "NotNumber");
                    }
                    else if (day.GetDouble() < 0)
                    {
                        Error(dayPath, "Negative");
                    }
                    else
                    {
                        weekdays.Add(day.GetDouble());
                    }
                }

                if (element.GetProperty("by_weekday").ValueKind == JsonValueKind.Array && element.GetProperty("by_weekday").GetArrayLength() != 7)
                {
                    Error(path + ".by_weekday", "WeekdayCount");
                }
            }

            return station is null ? null : new ArrivalModel(station, perDay ?? calendar?.Max ?? 0)
            {
                Priority = priority,
                Calendar = calendar,
                ByWeekday = weekdays,
            };
        }

        private Calendar? Calendar(JsonElement element, string path, string valueField, bool integer)
        {
            if (!Object(element, path))
            {
                return null;
            }

            Known(element, path, CalendarFields);
            var cycle = Number(element, path, "cycle_days", required: false, positive: true);
            var steps = new List<CalendarStep>();
            foreach (var (step, stepPath) in Array(element, path, "steps", required: true, nonEmpty: true))
            {
                if (!Object(step, stepPath))
                {
                    continue;
                }

                Known(step, stepPath, ["from_day", valueField]);
                var from = Number(step, stepPath, "from_day", required: true, positive: false);
                double? value = integer
                    ? Integer(step, stepPath, valueField, required: true, min: 0, max: 1_000_000)
                    : Number(step, stepPath, valueField, required: true, positive: false);
                if (from is { } f && value is { } v)
                {
                    var first = steps.Count == 0;
                    if ((first && f != 0) || (!first && f <= steps[^1].FromDay) || f >= cycle)
                    {
                        Error(stepPath + ".from_day", "StepOrder");
                    }

                    steps.Add(new CalendarStep(f, v));
                }
            }

            return steps.Count == 0 ? null : new Calendar(steps, cycle);
        }

        private string? StationId(JsonElement element, string path, string name, HashSet<string> ids)
        {
            var id = Text(element, path, name);
            if (id is not null && !ids.Contains(id))
            {
                Error(Join(path, name), "UnknownStation", id);
                return null;
            }

            return id;
        }

        private void Known(JsonElement element, string path, string[] names)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!names.Contains(property.Name, StringComparer.Ordinal))
                {
                    Error(Join(path, property.Name), "UnknownField");
                }
            }
        }

        private bool Object(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                return true;
            }

            Error(path, "NotObject");
            return false;
        }

        private List<(JsonElement Element, string Path)> Array(JsonElement parent, string path, string name, bool required, bool nonEmpty)
        {
            var field = Join(path, name);
            if (!parent.TryGetProperty(name, out var element))
            {
                if (required)
                {
                    Error(field, "Required");
                }

                return [];
            }

            if (element.ValueKind != JsonValueKind.Array)
            {
                Error(field, "NotArray");
                return [];
            }

            if (nonEmpty && element.GetArrayLength() == 0)
            {
                Error(field, "EmptyArray");
            }

            return [.. element.EnumerateArray().Select((e, i) => (e, field + "[" + i.ToString(CultureInfo.InvariantCulture) + "]"))];
        }

        private string? Text(JsonElement parent, string path, string name)
        {
            var field = Join(path, name);
            if (!parent.TryGetProperty(name, out var element))
            {
                Error(field, "Required");
                return null;
            }

            if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
            {
                Error(field, "NotText");
                return null;
            }

            return element.GetString();
        }

        private double? Number(JsonElement parent, string path, string name, bool required, bool positive)
        {
            var field = Join(path, name);
            if (!parent.TryGetProperty(name, out var element))
            {
                if (required)
                {
                    Error(field, "Required");
                }

                return null;
            }

            if (element.ValueKind != JsonValueKind.Number || !double.IsFinite(element.GetDouble()))
            {
                Error(field, "NotNumber");
                return null;
            }

            var value = element.GetDouble();
            if (value < 0)
            {
                Error(field, "Negative");
                return null;
            }

            if (positive && value == 0)
            {
                Error(field, "NotPositive");
                return null;
            }

            return value;
        }

        private int? Integer(JsonElement parent, string path, string name, bool required, int min, int max)
        {
            var field = Join(path, name);
            if (!parent.TryGetProperty(name, out var element))
            {
                if (required)
                {
                    Error(field, "Required");
                }

                return null;
            }

            if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var value))
            {
                Error(field, "NotInteger");
                return null;
            }

            if (value < min)
            {
                Error(field, "TooSmall", min);
                return null;
            }

            if (value > max)
            {
                Error(field, "TooLarge", max);
                return null;
            }

            return (int)value;
        }

        private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
    }
}

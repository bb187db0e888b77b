using System.Runtime.CompilerServices;

namespace Polku.Core.Capacity;

/// <summary>What one replication measured at one station over [warm-up, end).</summary>
public readonly record struct StationFigures(
    double MeanWaitDays,
    double MeanQueueLength,
    double MeanInStation,
    double Utilisation,
    double ArrivalsPerDay,
    double ThroughputPerDay,
    double AbandonedPerDay,
    double BlockedPerDay,
    double CostPerDay);

/// <summary>
/// One run of the network: an event-driven simulation on a binary heap of value-type events, with its own random
/// stream. Everything is allocated when it is built; the event loop allocates nothing (the client table and queues
/// only grow, by doubling, when the network holds more clients than ever before).
/// </summary>
internal sealed class Replication
{
    private const int Arrival = 0;
    private const int Completion = 1;
    private const int Renege = 2;
    private const int ScheduleChange = 3;
    private const int WarmupReset = 4;
    private const int Sample = 5;

    private struct Event
    {
        public double Time;
        public int Kind;
        public int Target;
        public int Stamp;
    }

    private struct Client
    {
        public double Entry;
        public int Station;
        public int Priority;
        public int Stamp;
        public bool Abandoned;
    }

    private struct Station
    {
        public int Busy;
        public int Available;
        public int Waiting;
        public double LastTime;
        public double QueueArea;
        public double BusyArea;
        public double AvailableArea;
        public double WaitSum;
        public long WaitCount;
        public long Arrivals;
        public long Departures;
        public long Abandoned;
        public long Blocked;
    }

    private readonly CompiledModel _model;
    private readonly double _end;
    private readonly double _warmup;
    private Xoshiro _random;
    private Event[] _heap = new Event[64];
    private int _heapCount;
    private Client[] _clients = new Client[256];
    private int[] _free = new int[256];
    private int _freeCount;
    private int _clientCount;
    private readonly Station[] _stations;
    private readonly int[][] _queues;
    private readonly int[] _queueHead;
    private readonly int[] _queueCount;
    private readonly double[]? _samples;
    private readonly double _sampleWidth;
    private int _sampleIndex;

    public long Events { get; private set; }

    public Replication(CompiledModel model, double warmup, ulong seed, int index, int sampleBuckets = 0)
    {
        _model = model;
        _end = model.Days;
        _warmup = warmup;
        _random = new Xoshiro(seed, (ulong)index);
        _stations = new Station[model.StationCount];
        var queues = model.StationCount * model.PriorityCount;
        _queues = new int[queues][];
        for (var q = 0; q < queues; q++)
        {
            _queues[q] = new int[16];
        }

        _queueHead = new int[queues];
        _queueCount = new int[queues];
        if (sampleBuckets > 0)
        {
            _samples = new double[sampleBuckets];
            _sampleWidth = _end / sampleBuckets;
        }
    }

    /// <summary>Runs to the end and returns each station's figures.</summary>
    public StationFigures[] Run()
    {
        for (var k = 0; k < _stations.Length; k++)
        {
            _stations[k].Available = _model.Schedules[k] is { } schedule ? (int)schedule.ValueAt(0) : _model.Servers[k];
            if (_model.Schedules[k] is { } s && s.NextChangeAfter(0) is var (next, step) && next < _end)
            {
                Push(next, ScheduleChange, k, step);
            }
        }

        for (var a = 0; a < _model.Streams.Length; a++)
        {
            ScheduleArrival(a, 0);
        }

        if (_warmup > 0)
        {
            Push(_warmup, WarmupReset, 0, 0);
        }

        if (_samples is not null)
        {
            Push(_sampleWidth, Sample, 0, 0);
        }

        Loop();
        for (var k = 0; k < _stations.Length; k++)
        {
            Advance(ref _stations[k], _end);
        }

        while (_samples is not null && _sampleIndex < _samples.Length)
        {
            _samples[_sampleIndex++] = _stations.Sum(s => s.QueueArea + s.BusyArea);
        }

        return Figures();
    }

    public double[] Samples => _samples ?? [];

    private void Loop()
    {
        while (_heapCount > 0 && _heap[0].Time < _end)
        {
            var e = Pop();
            Events++;
            switch (e.Kind)
            {
                case Arrival:
                    OnArrival(e.Target, e.Time);
                    break;
                case Completion:
                    OnCompletion(e.Target, e.Time);
                    break;
                case Renege:
                    OnRenege(e.Target, e.Stamp, e.Time);
                    break;
                case ScheduleChange:
                    OnScheduleChange(e.Target, e.Stamp, e.Time);
                    break;
                case WarmupReset:
                    Events--;
                    OnWarmupReset(e.Time);
                    break;
                default:
                    Events--;
                    OnSample(e.Time);
                    break;
            }
        }
    }

    private void ScheduleArrival(int stream, double now)
    {
        ref readonly var s = ref _model.Streams[stream];
        if (s.MaxRate <= 0)
        {
            return;
        }

        var t = now + _random.Exponential(1 / s.MaxRate);
        if (s.Varying is { } arrival)
        {
            while (t < _end && _random.NextOpen() * s.MaxRate > arrival.RateAt(t))
            {
                t += _random.Exponential(1 / s.MaxRate);
            }
        }

        if (t < _end)
        {
            Push(t, Arrival, stream, 0);
        }
    }

    private void OnArrival(int stream, double now)
    {
        ScheduleArrival(stream, now);
        ref readonly var s = ref _model.Streams[stream];
        var id = NewClient();
        _clients[id].Priority = s.Priority;
        Enter(id, s.Station, now);
    }

    private void Enter(int id, int k, double now)
    {
        ref var station = ref _stations[k];
        Advance(ref station, now);
        station.Arrivals++;
        if (station.Busy + station.Waiting >= _model.Capacity[k])
        {
            station.Blocked++;
            FreeClient(id);
            return;
        }

        ref var client = ref _clients[id];
        client.Station = k;
        if (station.Busy < station.Available)
        {
            station.WaitCount++;
            station.Busy++;
            Push(now + _model.Service[k].Next(ref _random), Completion, id, 0);
            return;
        }

        client.Entry = now;
        client.Abandoned = false;
        station.Waiting++;
        Enqueue(k * _model.PriorityCount + client.Priority, id);
        if (_model.Patience[k] > 0)
        {
            Push(now + _random.Exponential(_model.Patience[k]), Renege, id, client.Stamp);
        }
    }

    private void OnCompletion(int id, double now)
    {
        var k = _clients[id].Station;
        ref var station = ref _stations[k];
        Advance(ref station, now);
        station.Busy--;
        station.Departures++;
        StartWaiting(k, now);

        var to = _model.Route(k, _random.NextOpen());
        if (to >= 0)
        {
            Enter(id, to, now);
        }
        else
        {
            FreeClient(id);
        }
    }

    private void OnRenege(int id, int stamp, double now)
    {
        ref var client = ref _clients[id];
        if (client.Stamp != stamp || client.Abandoned)
        {
            return;
        }

        ref var station = ref _stations[client.Station];
        Advance(ref station, now);
        station.Waiting--;
        station.WaitSum += now - client.Entry;
        station.WaitCount++;
        station.Abandoned++;
        client.Abandoned = true;
    }

    /// <summary>A step of a station's schedule starts (by its index, not by the clock: a cycle's sums drift in floating point).</summary>
    private void OnScheduleChange(int k, int step, double now)
    {
        ref var station = ref _stations[k];
        Advance(ref station, now);
        var schedule = _model.Schedules[k]!;
        station.Available = (int)schedule.Steps[step].Value;
        var (next, nextStep) = schedule.NextChangeAfter(now);
        if (next < _end)
        {
            Push(next, ScheduleChange, k, nextStep);
        }

        StartWaiting(k, now);
    }

    private void OnWarmupReset(double now)
    {
        for (var k = 0; k < _stations.Length; k++)
        {
            ref var s = ref _stations[k];
            s.LastTime = now;
            s.QueueArea = s.BusyArea = s.AvailableArea = s.WaitSum = 0;
            s.WaitCount = s.Arrivals = s.Departures = s.Abandoned = s.Blocked = 0;
        }
    }

    private void OnSample(double now)
    {
        var inSystem = 0.0;
        for (var k = 0; k < _stations.Length; k++)
        {
            ref var s = ref _stations[k];
            Advance(ref s, now);
            inSystem += s.QueueArea + s.BusyArea;
        }

        _samples![_sampleIndex++] = inSystem;
        if (_sampleIndex < _samples.Length)
        {
            Push(now + _sampleWidth, Sample, 0, 0);
        }
    }

    /// <summary>While a server is free, the most urgent waiting client who has not given up starts service.</summary>
    private void StartWaiting(int k, double now)
    {
        ref var station = ref _stations[k];
        while (station.Busy < station.Available && station.Waiting > 0)
        {
            var id = DequeueLive(k);
            ref var client = ref _clients[id];
            station.Waiting--;
            station.WaitSum += now - client.Entry;
            station.WaitCount++;
            station.Busy++;
            client.Stamp++;
            Push(now + _model.Service[k].Next(ref _random), Completion, id, 0);
        }
    }

    private int DequeueLive(int k)
    {
        var first = k * _model.PriorityCount;
        for (var q = first; q < first + _model.PriorityCount; q++)
        {
            while (_queueCount[q] > 0)
            {
                var queue = _queues[q];
                var id = queue[_queueHead[q]];
                _queueHead[q] = (_queueHead[q] + 1) & (queue.Length - 1);
                _queueCount[q]--;
                if (!_clients[id].Abandoned)
                {
                    return id;
                }

                FreeClient(id);
            }
        }

        throw new InvalidOperationException("A station counted waiting clients that were not in its queue.");
    }

    private void Enqueue(int q, int id)
    {
        var queue = _queues[q];
        if (_queueCount[q] == queue.Length)
        {
            var grown = new int[queue.Length * 2];
            for (var i = 0; i < _queueCount[q]; i++)
            {
                grown[i] = queue[(_queueHead[q] + i) & (queue.Length - 1)];
            }

            _queues[q] = queue = grown;
            _queueHead[q] = 0;
        }

        queue[(_queueHead[q] + _queueCount[q]) & (queue.Length - 1)] = id;
        _queueCount[q]++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Advance(ref Station s, double now)
    {
        var dt = now - s.LastTime;
        s.QueueArea += dt * s.Waiting;
        s.BusyArea += dt * s.Busy;
        s.AvailableArea += dt * s.Available;
        s.LastTime = now;
    }

    private int NewClient()
    {
        if (_freeCount > 0)
        {
            return _free[--_freeCount];
        }

        if (_clientCount == _clients.Length)
        {
            Array.Resize(ref _clients, _clients.Length * 2);
            Array.Resize(ref _free, _free.Length * 2);
        }

        return _clientCount++;
    }

    private void FreeClient(int id)
    {
        _clients[id].Stamp++;
        _free[_freeCount++] = id;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Push(double time, int kind, int target, int stamp)
    {
        if (_heapCount == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        var i = _heapCount++;
        var heap = _heap;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (heap[parent].Time <= time)
            {
                break;
            }

            heap[i] = heap[parent];
            i = parent;
        }

        heap[i].Time = time;
        heap[i].Kind = kind;
        heap[i].Target = target;
        heap[i].Stamp = stamp;
    }

    private Event Pop()
    {
        var heap = _heap;
        var top = heap[0];
        var last = heap[--_heapCount];
        var n = _heapCount;
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= n)
            {
                break;
            }

            if (child + 1 < n && heap[child + 1].Time < heap[child].Time)
            {
                child++;
            }

            if (heap[child].Time >= last.Time)
            {
                break;
            }

            heap[i] = heap[child];
            i = child;
        }

        heap[i] = last;
        return top;
    }

    private StationFigures[] Figures()
    {
        var span = _end - Math.Max(_warmup, 0);
        var figures = new StationFigures[_stations.Length];
        for (var k = 0; k < _stations.Length; k++)
        {
            ref var s = ref _stations[k];
            var cost = (_model.CostPerServerDay[k] * s.AvailableArea + _model.CostPerWaitingDay[k] * s.QueueArea) / span;
            figures[k] = new StationFigures(
                s.WaitCount > 0 ? s.WaitSum / s.WaitCount : double.NaN,
                s.QueueArea / span,
                (s.QueueArea + s.BusyArea) / span,
                s.AvailableArea > 0 ? s.BusyArea / s.AvailableArea : double.NaN,
                s.Arrivals / span,
                s.Departures / span,
                s.Abandoned / span,
                s.Blocked / span,
                cost);
        }

        return figures;
    }
}

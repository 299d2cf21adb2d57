using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace BeMore.Tests.Infrastructure;

/// <summary>
/// The real BeMore executable in a child process, configured only through environment variables, as an
/// operator would run it. Output is kept so a failing test can show it.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _watchers = [];

    private SiloProcess(Process process, int httpPort)
    {
        _process = process;
        HttpPort = httpPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
    }

    public int HttpPort { get; }

    public int ProcessId => _process.Id;

    public HttpClient Http { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Completes with the first output line (already printed or yet to come) that matches.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            var earlier = _output.ToString().Split('\n').FirstOrDefault(line => match(line.TrimEnd('\r')));
            if (earlier is not null)
            {
                return earlier.TrimEnd('\r');
            }

            _watchers.Add((match, seen));
        }

        return await seen.Task.WaitAsync(timeout);
    }

    /// <summary>Starts the silo in <paramref name="workingDirectory"/> and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<SiloProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> settings, int? httpPort = null)
    {
        var silo = Launch(workingDirectory, settings, httpPort);
        await silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        return silo;
    }

    /// <summary>Starts the silo in <paramref name="workingDirectory"/> without waiting for its start-up to finish.</summary>
    public static SiloProcess Launch(string workingDirectory, IReadOnlyDictionary<string, string> settings, int? httpPort = null)
    {
        TestCategory.EnsureAllowed(TestCategory.Process, nameof(SiloProcess));
        var port = httpPort ?? FreePort.Next();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(SiloAssemblyPath());
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings)
        {
            startInfo.Environment[key] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the silo.");
        var silo = new SiloProcess(process, port);
        process.OutputDataReceived += (_, line) => silo.Append(line.Data);
        process.ErrorDataReceived += (_, line) => silo.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>SIGTERM, as an orchestrator stops a node; returns the exit code.</summary>
    public async Task<int> StopGracefullyAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            await ExternalCommand.RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], timeout);
        }

        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        Http.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                // Waiting for the exit also drains the redirected output, so the message holds the silo's last words.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"The silo exited with {_process.ExitCode} during start-up:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            // Polling an external process's port: there is nothing in-process to await.
            await Task.Delay(200);
        }

        throw new TimeoutException($"The silo was not ready within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            foreach (var watcher in _watchers.Where(watcher => watcher.Match(line)).ToList())
            {
                watcher.Seen.TrySetResult(line);
                _watchers.Remove(watcher);
            }
        }
    }

    private static string SiloAssemblyPath()
    {
        var configuration = typeof(SiloProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = Path.Combine(RepositoryRoot(), "src", "Silo", "bin", configuration, "net10.0", "BeMore.Silo.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the silo executable is missing.", path);
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BeMore.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("BeMore.sln not found above the test output folder.");
    }
}

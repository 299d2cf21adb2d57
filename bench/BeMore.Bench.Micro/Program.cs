using BenchmarkDotNet.Running;

// `dotnet run -c Release -- --filter '*'` runs them all; run.sh passes `--job short` (or `--job dry` with --quick).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point type for BenchmarkSwitcher.</summary>
internal sealed partial class Program;

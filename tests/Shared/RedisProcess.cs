using System.Diagnostics;
using System.Net.Sockets;

namespace Marketplace.Tests.Shared;

/// <summary>A private redis-server on a loopback port, nothing persisted, that a fault test may stop and start again.</summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private readonly int _port;
    private Process? _process;

    private RedisProcess(int port) => _port = port;

    public string Configuration => $"127.0.0.1:{_port},abortConnect=false,connectTimeout=1000";

    public static async Task<RedisProcess> StartAsync(int port)
    {
        var redis = new RedisProcess(port);
        await redis.RestartAsync();
        return redis;
    }

    public async Task RestartAsync()
    {
        _process = Process.Start(new ProcessStartInfo("redis-server", ["--port", _port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        for (var tries = 0; ; tries++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", _port);
                return;
            }
            catch (SocketException) when (tries < 50) { await Task.Delay(100); }
        }
    }

    /// <summary>SIGKILL, as a crash or a network cut would look to the app.</summary>
    public Task StopAsync()
    {
        if (_process is { HasExited: false }) { _process.Kill(); _process.WaitForExit(); }
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
    }
}

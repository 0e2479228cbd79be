using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Marketplace.Web.Tests.Notifications;

/// <summary>
/// A real SMTP server on a loopback port (the SmtpServer package), keeping each message it accepts as MimeKit parsed it.
/// It can be told to refuse every message (a 554 at the end of DATA) or to hang before answering (a server that neither
/// accepts nor refuses), to see what the outbox does with a server that misbehaves.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    public enum Behaviour { Accept, Refuse, Hang }

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public TestSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("smtp.test").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public Behaviour Mode { get; set; } = Behaviour.Accept;

    /// <summary>Every message accepted, in order.</summary>
    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>How many times a message reached the end of DATA (accepted or not).</summary>
    public int Attempts => _attempts;

    private int _attempts;

    /// <summary>Waits until <paramref name="count"/> messages have arrived (or fails after 20 seconds).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (Received.Count < count)
        {
            if (timeout.IsCancellationRequested) Assert.Fail($"{Received.Count} of {count} e-mails arrived");
            await Task.Delay(50);
        }
        return Received.ToList();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref server._attempts);
            switch (server.Mode)
            {
                case Behaviour.Refuse:
                    return SmtpResponse.TransactionFailed;
                case Behaviour.Hang:
                    await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                    return SmtpResponse.TransactionFailed;
            }
            using var stream = new MemoryStream(buffer.ToArray());
            server.Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}

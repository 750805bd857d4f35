using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Studio.Tests.Fakes.Smtp;

/// <summary>
/// A small SMTP server on 127.0.0.1 (random port) speaking RFC 5321 without TLS or AUTH: EHLO/HELO, MAIL, RCPT, DATA
/// (dot-unstuffed), RSET, NOOP, QUIT. Every accepted message is parsed with MimeKit and kept, so a test reads the real
/// e-mail that MailKit sent. <see cref="RejectNext"/> makes the next messages' RCPT answer 550.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _rejections;

    public FakeSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The port it listens on (host 127.0.0.1).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Messages received, in order, with their envelope recipients.</summary>
    public ConcurrentQueue<(IReadOnlyList<string> Recipients, MimeMessage Message)> Messages { get; } = new();

    /// <summary>Makes the next <paramref name="count"/> messages fail at RCPT with 550.</summary>
    public void RejectNext(int count) => Interlocked.Exchange(ref _rejections, count);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            // Latin-1 maps each byte to one char and back: the 8-bit body this server accepts (8BITMIME) reaches MimeKit as sent.
            using var reader = new StreamReader(stream, Encoding.Latin1, leaveOpen: true);
            await using var writer = new StreamWriter(stream, Encoding.ASCII, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
            var recipients = new List<string>();
            var rejecting = false;
            try
            {
                await writer.WriteLineAsync("220 fake-smtp ready");
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-fake-smtp");
                            await writer.WriteLineAsync("250 8BITMIME");
                            break;
                        case "HELO":
                        case "NOOP":
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "MAIL":
                            recipients.Clear();
                            rejecting = Interlocked.Decrement(ref _rejections) >= 0;
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "RCPT" when rejecting:
                            await writer.WriteLineAsync("550 5.1.1 Mailbox unavailable");
                            break;
                        case "RCPT":
                            recipients.Add(line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)]);
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "DATA" when recipients.Count == 0:
                            await writer.WriteLineAsync("554 No valid recipients");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                            {
                                data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                            }

                            using (var raw = new MemoryStream(Encoding.Latin1.GetBytes(data.ToString())))
                            {
                                Messages.Enqueue((recipients.ToList(), await MimeMessage.LoadAsync(raw)));
                            }

                            await writer.WriteLineAsync("250 OK queued");
                            break;
                        case "RSET":
                            recipients.Clear();
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("502 Command not implemented");
                            break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away or the server is stopping.
            }
        }
    }
}

// Records a short voice instruction with the microphone (getUserMedia + MediaRecorder) for the VoiceRecorder component.
// Recordings stay in the browser until the disposition is sent; the component then reads them as a stream.
const recorders = new Map();

const preferredTypes = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];

function pickType() {
    return preferredTypes.find(t => MediaRecorder.isTypeSupported(t)) ?? '';
}

function release(entry) {
    clearTimeout(entry.timer);
    entry.stream?.getTracks().forEach(t => t.stop());
    entry.stream = null;
}

function forget(key) {
    const entry = recorders.get(key);
    if (!entry) {
        return;
    }
    release(entry);
    if (entry.url) {
        URL.revokeObjectURL(entry.url);
    }
    recorders.delete(key);
}

// Starts recording. Answers "recording", or why not: "unsupported", "denied", "nodevice", "error".
export async function start(key, dotnet, maxSeconds) {
    forget(key);
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') {
        return 'unsupported';
    }
    let stream;
    try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (e) {
        if (e?.name === 'NotAllowedError' || e?.name === 'SecurityError') {
            return 'denied';
        }
        return e?.name === 'NotFoundError' || e?.name === 'OverconstrainedError' ? 'nodevice' : 'error';
    }
    const type = pickType();
    const recorder = type ? new MediaRecorder(stream, { mimeType: type }) : new MediaRecorder(stream);
    const entry = { recorder, stream, chunks: [], blob: null, url: null, startedAt: performance.now(), timer: 0 };
    entry.stopped = new Promise(resolve => {
        recorder.ondataavailable = e => { if (e.data.size > 0) entry.chunks.push(e.data); };
        recorder.onstop = () => {
            release(entry);
            entry.blob = new Blob(entry.chunks, { type: recorder.mimeType || type || 'audio/webm' });
            entry.url = URL.createObjectURL(entry.blob);
            resolve({
                url: entry.url,
                mimeType: entry.blob.type,
                size: entry.blob.size,
                seconds: Math.round((performance.now() - entry.startedAt) / 1000),
            });
        };
    });
    recorders.set(key, entry);
    recorder.start();
    // At the length limit the recording stops by itself and the component is told.
    entry.timer = setTimeout(async () => {
        if (recorder.state === 'recording') {
            recorder.stop();
            const result = await entry.stopped;
            dotnet.invokeMethodAsync('OnLimitReached', result);
        }
    }, maxSeconds * 1000);
    return 'recording';
}

// Stops recording and answers the recording: a blob: URL to play it back, its type, size and length.
export async function stop(key) {
    const entry = recorders.get(key);
    if (!entry) {
        return null;
    }
    if (entry.recorder.state !== 'inactive') {
        entry.recorder.stop();
    }
    return await entry.stopped;
}

// The recording's bytes, which .NET reads as a stream (IJSStreamReference), not as one big message.
export async function data(key) {
    const entry = recorders.get(key);
    if (!entry?.blob) {
        return new Uint8Array(0);
    }
    return new Uint8Array(await entry.blob.arrayBuffer());
}

// Stops and throws away the recording and its playback URL.
export function discard(key) {
    const entry = recorders.get(key);
    if (entry && entry.recorder.state !== 'inactive') {
        entry.recorder.onstop = null;
        entry.recorder.stop();
    }
    forget(key);
}

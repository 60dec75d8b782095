// Generates the golden trajectories in this folder with TensorFlow.js, an implementation
// independent of ours: its own optimizers, float32 arithmetic, gradients by automatic
// differentiation (tf.grad) of the surfaces written in tfjs ops.
//
// Run with the exact versions below, in a scratch folder outside the repository (Node is not
// a build dependency; the CSV files are committed):
//
//   mkdir /tmp/golden-gen && cd /tmp/golden-gen && npm init -y
//   npm install @tensorflow/tfjs-core@4.22.0 @tensorflow/tfjs-backend-cpu@4.22.0
//   node <repo>/src/test/resources/golden/generate.mjs <repo>/src/test/resources/golden
//
// Each case pairs the tfjs optimizer with the run-format query that means the same run in our
// engine; README.md explains why the hyperparameters make the two conventions coincide.
import { createRequire, register } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(join(process.cwd(), 'package.json'));
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');

// tfjs-core's Node bundle registers no gradients; the registration ships only as ES modules with
// extensionless imports (written for bundlers). This hook lets Node load them as they are. They
// register into tfjs's global registry, which the bundle shares.
const ES_MODULE_DIST = `
    export async function resolve(specifier, context, next) {
        const inDist = context.parentURL && context.parentURL.includes('/@tensorflow/tfjs-core/dist/');
        if (inDist && specifier.startsWith('.') && !specifier.endsWith('.js')) {
            return next(specifier + '.js', context);
        }
        return next(specifier, context);
    }
    export async function load(url, context, next) {
        return url.includes('/@tensorflow/tfjs-core/dist/') ? next(url, { ...context, format: 'module' }) : next(url, context);
    }`;
register('data:text/javascript,' + encodeURIComponent(ES_MODULE_DIST), import.meta.url);
await import(pathToFileURL(require.resolve('@tensorflow/tfjs-core/dist/register_all_gradients.js')).href);

const VERSIONS = { '@tensorflow/tfjs-core': '4.22.0', '@tensorflow/tfjs-backend-cpu': '4.22.0' };

const SURFACES = {
    rosenbrock: (x, y) => tf.add(tf.square(tf.sub(1, x)), tf.mul(100, tf.square(tf.sub(y, tf.square(x))))),
    himmelblau: (x, y) => tf.add(tf.square(tf.add(tf.square(x), tf.sub(y, 11))),
        tf.square(tf.add(x, tf.sub(tf.square(y), 7)))),
    booth: (x, y) => tf.add(tf.square(tf.add(x, tf.sub(tf.mul(2, y), 7))),
        tf.square(tf.add(tf.mul(2, x), tf.sub(y, 5)))),
};

// Where a tfjs default differs from PyTorch's, both sides set the value explicitly.
const CASES = [
    ['sgd', 'rosenbrock', [-1.5, 2], 200, 'sgd:lr=0.0005', () => tf.train.sgd(0.0005)],
    ['sgd', 'booth', [8, -6], 100, 'sgd:lr=0.05', () => tf.train.sgd(0.05)],
    ['sgd', 'himmelblau', [1, -4], 100, 'sgd:lr=0.002', () => tf.train.sgd(0.002)],

    ['momentum', 'rosenbrock', [-1.5, 2], 200, 'momentum:lr=0.0001,momentum=0.9,dampening=0',
        () => tf.train.momentum(0.0001, 0.9)],
    ['momentum', 'himmelblau', [1, -4], 150, 'momentum:lr=0.002,momentum=0.9,dampening=0',
        () => tf.train.momentum(0.002, 0.9)],
    ['nesterov', 'rosenbrock', [-1.5, 2], 200, 'nesterov:lr=0.0001,momentum=0.9',
        () => tf.train.momentum(0.0001, 0.9, true)],
    ['nesterov', 'himmelblau', [1, -4], 150, 'nesterov:lr=0.002,momentum=0.9',
        () => tf.train.momentum(0.002, 0.9, true)],

    ['adagrad', 'rosenbrock', [-1.5, 2], 200, 'adagrad:lr=0.5,initial_accumulator_value=0.1,eps=1e-10',
        () => tf.train.adagrad(0.5, 0.1)],
    ['adagrad', 'himmelblau', [1, -4], 150, 'adagrad:lr=0.5,initial_accumulator_value=0.1,eps=1e-10',
        () => tf.train.adagrad(0.5, 0.1)],
    // Gradients of order 1, so that the initial accumulator 0.1 visibly matters.
    ['adagrad', 'booth', [1.5, 2.8], 150, 'adagrad:lr=0.1,initial_accumulator_value=0.1,eps=1e-10',
        () => tf.train.adagrad(0.1, 0.1)],

    ['rmsprop', 'rosenbrock', [-1.5, 2], 200, 'rmsprop:lr=0.001,alpha=0.99,eps=1e-10',
        () => tf.train.rmsprop(0.001, 0.99, 0, 1e-10)],
    ['rmsprop', 'himmelblau', [1, -4], 150, 'rmsprop:lr=0.02,alpha=0.99,eps=1e-10',
        () => tf.train.rmsprop(0.02, 0.99, 0, 1e-10)],
    ['rmsprop-centered', 'rosenbrock', [-1.5, 2], 200, 'rmsprop:lr=0.001,alpha=0.99,eps=1e-10,centered=true',
        () => tf.train.rmsprop(0.001, 0.99, 0, 1e-10, true)],
    ['rmsprop-centered', 'himmelblau', [1, -4], 150, 'rmsprop:lr=0.02,alpha=0.99,eps=1e-10,centered=true',
        () => tf.train.rmsprop(0.02, 0.99, 0, 1e-10, true)],
    ['rmsprop-momentum', 'rosenbrock', [-1.5, 2], 200, 'rmsprop:lr=0.002,alpha=0.9,eps=1e-10,momentum=0.9',
        () => tf.train.rmsprop(0.002, 0.9, 0.9, 1e-10)],
    ['rmsprop-momentum', 'himmelblau', [1, -4], 150, 'rmsprop:lr=0.01,alpha=0.9,eps=1e-10,momentum=0.9',
        () => tf.train.rmsprop(0.01, 0.9, 0.9, 1e-10)],

    ['adam', 'rosenbrock', [-1.5, 2], 150, 'adam:lr=0.05,beta1=0.9,beta2=0.999,eps=1e-8',
        () => tf.train.adam(0.05, 0.9, 0.999, 1e-8)],
    ['adam', 'booth', [8, -6], 150, 'adam:lr=0.2,beta1=0.9,beta2=0.999,eps=1e-8',
        () => tf.train.adam(0.2, 0.9, 0.999, 1e-8)],
    ['adam', 'himmelblau', [1, -4], 150, 'adam:lr=0.1,beta1=0.9,beta2=0.999,eps=1e-8',
        () => tf.train.adam(0.1, 0.9, 0.999, 1e-8)],

    ['adamax', 'rosenbrock', [-1.5, 2], 150, 'adamax:lr=0.05,beta1=0.9,beta2=0.999,eps=1e-10',
        () => tf.train.adamax(0.05, 0.9, 0.999, 1e-10)],
    ['adamax', 'himmelblau', [1, -4], 150, 'adamax:lr=0.1,beta1=0.9,beta2=0.999,eps=1e-10',
        () => tf.train.adamax(0.1, 0.9, 0.999, 1e-10)],
];

/** Shortest decimal that reads back as the same float32. */
function f32(v) {
    for (let p = 6; p <= 9; p++) {
        const s = v.toPrecision(p);
        if (Math.fround(Number(s)) === v) {
            return String(Number(s));
        }
    }
    return String(v);
}

function trajectory(surface, start, steps, optimizer) {
    const f = theta => {
        const [x, y] = tf.unstack(theta);
        return SURFACES[surface](x, y);
    };
    const grad = tf.grad(f);
    const theta = tf.variable(tf.tensor1d(start, 'float32'), true, 'theta');
    const rows = [];
    const record = t => {
        const [x, y] = theta.dataSync();
        const loss = tf.tidy(() => f(theta).dataSync()[0]);
        rows.push([t, f32(x), f32(y), f32(loss)].join(','));
    };
    record(0);
    for (let t = 1; t <= steps; t++) {
        tf.tidy(() => optimizer.applyGradients({ theta: grad(theta) }));
        record(t);
    }
    optimizer.dispose();
    theta.dispose();
    return rows;
}

const out = process.argv[2];
if (!out) {
    throw new Error('usage: node generate.mjs <output folder>');
}
await tf.setBackend('cpu');
for (const [name, version] of Object.entries(VERSIONS)) {
    const installed = require(`${name}/package.json`).version;
    if (installed !== version) {
        throw new Error(`${name} is ${installed}; the goldens were made with ${version}`);
    }
}
for (const [name, surface, start, steps, run, make] of CASES) {
    const query = `surface=${surface}&start=${start.join(',')}&steps=${steps}&run=${run}`;
    const rows = trajectory(surface, start, steps, make());
    const file = `${name}-${surface}.csv`;
    const header = [
        `# query: ${query}`,
        `# tfjs: ${make.toString().replace('() => ', '')}`,
        `# made by generate.mjs with tfjs-core ${VERSIONS['@tensorflow/tfjs-core']} (cpu backend, float32, tf.grad)`,
        'step,x,y,loss',
    ];
    writeFileSync(join(out, file), header.concat(rows).join('\n') + '\n');
    console.log(`${file}: ${rows[rows.length - 1]}`);
}

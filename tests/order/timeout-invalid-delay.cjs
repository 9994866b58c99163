setTimeout(() => console.log('negative'), -5);
setTimeout(() => console.log('NaN'), NaN);
setTimeout(() => console.log('string 3'), '3');
setTimeout(() => console.log('undefined'));
